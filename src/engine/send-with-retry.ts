import { LimiterError, TargetError } from '../core/errors.js';
import type { Random } from '../core/random.js';
import type { Target, TargetRequest, TargetResponse } from '../core/target.js';
import type { Clock } from './clock.js';
import type { RateLimiter } from './rate-limiter.js';
import { backoffDelay, type RetryPolicy } from './retry-policy.js';

/** What sending needs besides the request. */
export type SendContext = {
  /** The target. */
  readonly target: Target;
  /** Rate limiter shared by every attempt against this target. */
  readonly limiter: RateLimiter;
  /** Clock for backoff waits. */
  readonly clock: Clock;
  /** Retry policy. */
  readonly retry: RetryPolicy;
  /** Per-request timeout, in ms. */
  readonly timeoutMs: number;
  /** Jitter source. */
  readonly random: Random;
  /** Tokens assumed for a completion before the target reports usage. */
  readonly completionTokenEstimate: number;
  /** Aborts when the run is stopped (Ctrl-C): nothing is recorded for an attempt cut short. */
  readonly stop: AbortSignal;
};

/** The outcome of sending: a response, or the error that ended the tries. */
export type SendResult =
  | { readonly ok: true; readonly response: TargetResponse; readonly retries: number; readonly latencyMs: number }
  | { readonly ok: false; readonly error: TargetError; readonly retries: number; readonly latencyMs: number }
  | { readonly ok: false; readonly stopped: true };

/** Reason given to the per-request abort when the timeout fires. */
class RequestTimeout extends Error {}

function estimateTokens(request: TargetRequest): number {
  // About four characters a token for English text: a budget estimate, corrected by `settle`.
  let chars = 0;
  for (const m of request.messages) chars += m.content.length;
  for (const d of request.documents ?? []) chars += d.length;
  return Math.ceil(chars / 4);
}

function asTargetError(error: unknown, targetId: string): TargetError {
  if (error instanceof TargetError) return error;
  if (error instanceof RequestTimeout) {
    return new TargetError(error.message, { targetId, kind: 'timeout', retryable: true });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new TargetError(`target failed unexpectedly: ${message}`, { targetId, kind: 'unexpected', retryable: false, cause: error });
}

/** What one retried call needs: the limiter, clock, policy, timeout, jitter and stop signal of a SendContext. */
export type CallContext = Pick<SendContext, 'limiter' | 'clock' | 'retry' | 'timeoutMs' | 'random' | 'stop'> & {
  /** Id of the target called, for the errors. */
  readonly targetId: string;
};

/** The outcome of a retried call: its value, or the error that ended the tries. */
export type CallResult<T> =
  | { readonly ok: true; readonly value: T; readonly retries: number; readonly latencyMs: number }
  | { readonly ok: false; readonly error: TargetError; readonly retries: number; readonly latencyMs: number }
  | { readonly ok: false; readonly stopped: true };

async function tryOnce<T>(call: (signal: AbortSignal) => Promise<T>, context: CallContext): Promise<T> {
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new RequestTimeout(`no reply within ${context.timeoutMs} ms`)),
    context.timeoutMs,
  );
  const onStop = (): void => controller.abort(context.stop.reason);
  context.stop.addEventListener('abort', onStop, { once: true });
  try {
    return await call(controller.signal);
  } catch (error) {
    // A target may reject with its own error after our abort; the abort's reason is the truth.
    throw controller.signal.aborted ? controller.signal.reason : error;
  } finally {
    clearTimeout(timer);
    context.stop.removeEventListener('abort', onStop);
  }
}

/**
 * Makes one call to a target through the rate limiter (as one request and `tokens` estimated tokens), with a
 * timeout, retrying retryable failures with backoff and honouring Retry-After: the one retry loop of every target kind.
 */
export async function callWithRetry<T>(
  call: (signal: AbortSignal) => Promise<T>,
  context: CallContext & { readonly tokens: number; readonly settle?: (value: T) => number },
): Promise<CallResult<T>> {
  for (let retries = 0; ; retries += 1) {
    if (context.stop.aborted) return { ok: false, stopped: true };
    try {
      await context.limiter.acquire(context.tokens, context.stop);
    } catch (error) {
      // A limiter that cannot answer (a shared one whose Redis is gone) is not the target failing: the attempt is not
      // recorded as the target's error; the failure ends the slice, and its positions stay for another execution.
      if (context.stop.aborted) return { ok: false, stopped: true };
      if (error instanceof LimiterError) throw error;
      const reason = error instanceof Error ? error.message : String(error);
      throw new LimiterError(`the rate limiter cannot answer: ${reason}`, { cause: error, hint: 'check the Redis the shared limits live in; the unrecorded positions run again' });
    }
    const started = performance.now();
    try {
      const value = await tryOnce(call, context);
      if (context.settle) context.limiter.settle(context.settle(value));
      return { ok: true, value, retries, latencyMs: performance.now() - started };
    } catch (caught) {
      if (context.stop.aborted) return { ok: false, stopped: true };
      const error = asTargetError(caught, context.targetId);
      const latencyMs = performance.now() - started;
      if (!error.retryable || retries >= context.retry.maxRetries) return { ok: false, error, retries, latencyMs };
      const delay = backoffDelay({ policy: context.retry, retry: retries + 1, random: context.random, retryAfterMs: error.retryAfterMs });
      // The target asked every client to wait: the limiter holds every attempt (every worker, when it is shared).
      if (delay !== undefined && error.retryAfterMs !== undefined) context.limiter.pause(error.retryAfterMs);
      if (delay === undefined) {
        const waited = new TargetError(`${error.message} (asked to wait ${error.retryAfterMs} ms, over the ${context.retry.maxRetryAfterMs} ms limit)`, {
          targetId: error.targetId, kind: error.kind, retryable: false, status: error.status,
        });
        return { ok: false, error: waited, retries, latencyMs };
      }
      try {
        await context.clock.sleep(delay, context.stop);
      } catch {
        return { ok: false, stopped: true };
      }
    }
  }
}

/** Sends one request through the rate limiter, with a timeout, retrying retryable failures with backoff. */
export async function sendWithRetry(request: TargetRequest, context: SendContext): Promise<SendResult> {
  const estimate = estimateTokens(request) + context.completionTokenEstimate;
  const result = await callWithRetry((signal) => context.target.send(request, signal), {
    ...context, targetId: context.target.id, tokens: estimate,
    settle: (response) => (response.usage ? response.usage.promptTokens + response.usage.completionTokens - estimate : 0),
  });
  if (!result.ok) return result;
  return { ok: true, response: result.value, retries: result.retries, latencyMs: result.latencyMs };
}
