import type { Random } from '../core/random.js';

/** How failed requests are retried. */
export type RetryPolicy = {
  /** Retries after the first try (0 disables retrying). */
  readonly maxRetries: number;
  /** First backoff ceiling, in ms; it doubles on every retry. */
  readonly baseDelayMs: number;
  /** Largest wait between tries, in ms (a longer Retry-After is honoured up to `maxRetryAfterMs`). */
  readonly maxDelayMs: number;
  /** Longest Retry-After we agree to wait; a longer one ends the attempt as an error. */
  readonly maxRetryAfterMs: number;
};

/** Defaults: 4 retries, 0.5 s doubling to at most 30 s, Retry-After honoured up to 2 minutes. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxRetries: 4, baseDelayMs: 500, maxDelayMs: 30_000, maxRetryAfterMs: 120_000 };

/**
 * Wait before retry number `retry` (1-based): "full jitter" exponential backoff, never shorter than
 * the target's Retry-After. Returns undefined when the Retry-After is longer than we agree to wait.
 */
export function backoffDelay(options: { policy: RetryPolicy; retry: number; random: Random; retryAfterMs?: number }): number | undefined {
  const { policy, retry, random, retryAfterMs } = options;
  if (retryAfterMs !== undefined && retryAfterMs > policy.maxRetryAfterMs) return undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  const jittered = random() * ceiling;
  return Math.max(jittered, retryAfterMs ?? 0);
}
