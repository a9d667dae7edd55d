import { TargetError } from '../../core/errors.js';
import { httpStatusError, raceAbort, transportError, type FailureScope } from '../../targets/http-failure.js';
import { createHttpTransport } from '../../targets/http-transport.js';
import { parseJsonReply, readReplyExcerpt, readReplyText, replyLimitBytes } from '../../targets/read-reply.js';

/** One JSON POST to an external guard. */
export type GuardCall = {
  /** The full URL. */
  readonly url: string;
  /** Request headers (credentials already read from the environment). */
  readonly headers: Readonly<Record<string, string>>;
  /** The JSON body. */
  readonly body: unknown;
  /** The call's signal (the engine's timeout, Ctrl-C). */
  readonly signal: AbortSignal;
};

/** Talks to one external guard over HTTP: its replies as parsed JSON, its failures as TargetErrors naming the guard. */
export type GuardClient = {
  /** Sends one call; resolves to the parsed JSON reply. */
  post(call: GuardCall): Promise<unknown>;
  /** Raises 'bad-response' naming the guard: the reply is JSON but not in the guard's format. */
  offFormat(detail: string): TargetError;
  /** Closes the pooled connections. */
  close(): Promise<void>;
};

/** Who the guard is, what it must never print, how long it may take. */
export type GuardClientOptions = {
  /** Shown in every error, e.g. 'openai-moderation at api.openai.com'. */
  readonly name: string;
  /** Values read from the environment (keys, tokens), redacted from messages. */
  readonly secrets: readonly string[];
  /** Most time one call may take, ms; past it the call fails as a retryable timeout. */
  readonly timeoutMs: number;
  /** What to do about a 401 or 403, e.g. 'check the key in $OPENAI_API_KEY'. */
  readonly authHint: string;
};

/**
 * A guard's HTTP client over the targets' transport and failure mapping: 429 with Retry-After is a retryable error
 * carrying the delay, 5xx and timeouts are retryable, 401/403 are not (with a hint about the key), a reply that is
 * not JSON is 'bad-response'. A guard that cannot answer fails the call; it never reads as `allow`.
 */
export function guardClient(options: GuardClientOptions): GuardClient {
  const transport = createHttpTransport({ limitBytes: replyLimitBytes, connections: 8 });
  const scope: FailureScope = { targetId: options.name, secrets: options.secrets };
  const named = (error: unknown): unknown => {
    if (!(error instanceof TargetError) || error.targetId !== scope.targetId) return error;
    const message = error.message.startsWith('target ') ? `guard ${options.name} ${error.message.slice('target '.length)}` : `guard ${options.name}: ${error.message}`;
    const auth = error.status === 401 || error.status === 403;
    return new TargetError(message, {
      targetId: error.targetId, kind: error.kind, retryable: error.retryable, cause: error,
      ...(error.status === undefined ? {} : { status: error.status }),
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
      ...(auth ? { hint: options.authHint } : error.hint === undefined ? {} : { hint: error.hint }),
    });
  };
  const send = async (call: GuardCall, timeout: AbortSignal): Promise<unknown> => {
    let response: Response;
    try {
      response = await transport.fetch(call.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...call.headers },
        body: JSON.stringify(call.body),
        signal: AbortSignal.any([call.signal, timeout]),
      });
    } catch (error) {
      if (timeout.aborted && !call.signal.aborted) {
        throw new TargetError(`target timed out after ${options.timeoutMs} ms`, { targetId: scope.targetId, kind: 'timeout', retryable: true, cause: error });
      }
      throw transportError(scope, error);
    }
    if (!response.ok) {
      const body = await readReplyExcerpt(response);
      throw httpStatusError(scope, { status: response.status, headers: response.headers, body, nowMs: Date.now() });
    }
    return parseJsonReply(await readReplyText(response, { scope, limitBytes: replyLimitBytes }), scope);
  };
  return {
    post: async (call) => {
      try {
        return await raceAbort(scope, { promise: send(call, AbortSignal.timeout(options.timeoutMs)), signal: call.signal });
      } catch (error) {
        throw named(error);
      }
    },
    offFormat: (detail) => named(new TargetError(`target answered off its format: ${detail}`, { targetId: scope.targetId, kind: 'bad-response', retryable: false })) as TargetError,
    close: () => transport.close(),
  };
}
