import { randomUUID } from 'node:crypto';
import type { LoadedConfig } from '../config/load-config.js';
import { ConfigError, LayerError, TargetError } from '../core/errors.js';
import type { Target } from '../core/target.js';
import { buildConfiguredTarget } from './build-target.js';
import { chatCompletionOf, chatErrorBody, chatRequestOf } from './chat-completion-wire.js';

/** One answered Chat Completions request: the HTTP status, the JSON body, and what the log line may say of it. */
export type ProxyAnswer = {
  /** HTTP status. */
  readonly status: 200 | 400 | 502 | 504;
  /** The JSON body: a `chat.completion`, or an OpenAI-style error. */
  readonly body: unknown;
  /** The layer that blocked the request or reply, when one did. */
  readonly blockedBy?: string;
  /** The layer that failed, when one did (the request was not answered: fail closed). */
  readonly failedLayer?: string;
};

/** A configuration's guarded target, answering OpenAI Chat Completions requests. */
export type GuardProxy = {
  /** The one model id the proxy serves (the guarded target's id), listed by `/v1/models` and echoed in replies. */
  readonly model: string;
  /** Answers one request body; never throws. */
  answer(body: unknown, signal: AbortSignal): Promise<ProxyAnswer>;
  /** Releases the target's sockets. */
  close(): Promise<void>;
};

/** What a proxy is built from. */
export type OpenGuardProxyOptions = {
  /** The loaded configuration (its plugins included); its `target` must be `type: guarded`. */
  readonly loaded: LoadedConfig;
  /** Environment, for the upstream's and the guards' credentials referenced by name. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The clock (epoch ms), for `created`. */
  readonly now?: () => number;
};

/** How a failed request is answered: 400 for a bad request, 502 for a failed upstream or layer (504 past the timeout). */
export function proxyFailure(error: unknown): ProxyAnswer {
  if (error instanceof ConfigError) return { status: 400, body: chatErrorBody({ message: error.message, type: 'invalid_request_error', param: error.path }) };
  if (error instanceof LayerError) {
    // Fail closed: the request is not answered, and the upstream's reply (if there was one) is not returned.
    return { status: 502, failedLayer: error.layer, body: chatErrorBody({ message: `defense layer ${error.layer} failed (${error.kind}); the request was not answered`, type: 'upstream_error', code: 'layer_error' }) };
  }
  if (error instanceof TargetError) {
    // The kind and status only: an upstream's error text is not passed on to the client.
    const status = error.kind === 'timeout' ? 504 : 502;
    return { status, body: chatErrorBody({ message: `the upstream failed (${error.kind}${error.status === undefined ? '' : `, HTTP ${error.status}`})`, type: 'upstream_error', code: error.kind === 'timeout' ? 'upstream_timeout' : 'upstream_error' }) };
  }
  return { status: 502, body: chatErrorBody({ message: 'the upstream failed unexpectedly', type: 'upstream_error', code: 'upstream_error' }) };
}

/**
 * Builds a configuration's guarded target for serving as an OpenAI-compatible proxy. Anything but `target.type:
 * guarded` is refused: a proxy without layers would be an unguarded pass-through. Each request gets the
 * configuration's `timeoutMs`; it is not retried (the client's SDK retries 5xx answers itself).
 */
export function openGuardProxy(options: OpenGuardProxyOptions): GuardProxy {
  const { config, file, baseDir, components } = options.loaded;
  if (config.target.type !== 'guarded') {
    throw new ConfigError(`${file}: target.type: redline guard serve needs a guarded target, not '${config.target.type}'`, {
      file, path: 'target.type',
      hint: 'write target: { type: guarded, inner: <your upstream target>, layers: [...] } (see docs/defense.md)',
    });
  }
  const target: Target = buildConfiguredTarget(config.target, { components, context: { env: options.env, baseDir, configFile: file, connections: config.concurrency } });
  const now = options.now ?? Date.now;
  return {
    model: target.id,
    answer: async (body, signal) => {
      const timeout = AbortSignal.timeout(config.timeoutMs);
      try {
        const request = chatRequestOf(body);
        const response = await target.send(request, AbortSignal.any([signal, timeout]));
        const completion = chatCompletionOf(response, { id: `chatcmpl-${randomUUID()}`, model: target.id, created: Math.floor(now() / 1000) });
        const blockedBy = response.metadata?.['blockedBy'];
        return { status: 200, body: completion, ...(typeof blockedBy === 'string' ? { blockedBy } : {}) };
      } catch (error) {
        // A target may reject with its own error after the abort; the timeout is the truth.
        if (timeout.aborted && !signal.aborted) {
          return proxyFailure(new TargetError(`no reply within ${config.timeoutMs} ms`, { targetId: target.id, kind: 'timeout', retryable: true }));
        }
        return proxyFailure(error);
      }
    },
    close: async () => {
      await target.close?.();
    },
  };
}
