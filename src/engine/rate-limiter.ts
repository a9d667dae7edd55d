import type { Clock } from './clock.js';

/** Limits per target, per minute; absent means unlimited. */
export type RateLimits = {
  /** Requests per minute. */
  readonly requestsPerMinute?: number;
  /** Tokens (prompt + completion) per minute. */
  readonly tokensPerMinute?: number;
};

/** Gate every request must pass before it is sent; the in-process one below, or a shared backend's (one limit across workers). */
export type RateLimiter = {
  /** Waits until one request and `tokens` estimated tokens are available, then takes them. */
  acquire(tokens: number, signal: AbortSignal): Promise<void>;
  /** Corrects the token estimate once the real usage is known (positive: more were used). */
  settle(extraTokens: number): void;
};

type Bucket = { capacity: number; perMs: number; level: number; at: number };

function refill(bucket: Bucket, now: number): void {
  bucket.level = Math.min(bucket.capacity, bucket.level + (now - bucket.at) * bucket.perMs);
  bucket.at = now;
}

function bucketFor(perMinute: number | undefined, now: number): Bucket | undefined {
  // A full minute's allowance as burst: the common provider semantics of "N per minute".
  return perMinute === undefined ? undefined : { capacity: perMinute, perMs: perMinute / 60_000, level: perMinute, at: now };
}

/** Token buckets for requests and tokens per minute; waiters are served in arrival order. */
export function createRateLimiter(limits: RateLimits, clock: Clock): RateLimiter {
  const requests = bucketFor(limits.requestsPerMinute, clock.now());
  const tokens = bucketFor(limits.tokensPerMinute, clock.now());
  let queue: Promise<void> = Promise.resolve();

  async function take(need: number, signal: AbortSignal): Promise<void> {
    for (;;) {
      const now = clock.now();
      let wait = 0;
      if (requests) {
        refill(requests, now);
        if (requests.level < 1) wait = Math.max(wait, (1 - requests.level) / requests.perMs);
      }
      if (tokens) {
        refill(tokens, now);
        // A request larger than the whole bucket waits for a full bucket rather than forever.
        const want = Math.min(need, tokens.capacity);
        if (tokens.level < want) wait = Math.max(wait, (want - tokens.level) / tokens.perMs);
      }
      if (wait <= 0) {
        if (requests) requests.level -= 1;
        if (tokens) tokens.level -= need;
        return;
      }
      await clock.sleep(Math.ceil(wait), signal);
    }
  }

  return {
    acquire(need, signal) {
      if (!requests && !tokens) return Promise.resolve();
      const mine = queue.then(() => take(need, signal));
      queue = mine.catch(() => undefined);
      return mine;
    },
    settle(extra) {
      if (tokens) tokens.level -= extra;
    },
  };
}
