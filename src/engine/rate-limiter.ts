import type { Clock } from './clock.js';

/** Limits per target; absent means unlimited. */
export type RateLimits = {
  /** Requests in any one-second window, at most, spaced evenly (a strict window, no burst: what a server counting per second sees). */
  readonly requestsPerSecond?: number;
  /** Requests per minute (a token bucket: a minute's allowance may go at once). */
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
  /**
   * The target asked every client to wait `ms` (a 429 with Retry-After): no request passes this limiter before then.
   * A shared limiter pauses every worker of the target, not just the attempt that was told.
   */
  pause(ms: number): void;
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

/**
 * The times of the last `limit` requests, oldest first (a ring): a request may go when the oldest of them is a full
 * second old, so no one-second window ever holds more than `limit`.
 */
type Window = { limit: number; times: number[]; next: number };

function windowFor(perSecond: number | undefined): Window | undefined {
  return perSecond === undefined ? undefined : { limit: Math.max(1, Math.floor(perSecond)), times: [], next: 0 };
}

/**
 * How long until the window has room (0: now). Requests are also spaced evenly, 1000 / limit ms apart: a burst sent at
 * once reaches the target spread over however long sending takes, and the next burst would land on its tail.
 */
function windowWait(window: Window, now: number): number {
  const spacing = 1000 / window.limit;
  const latest = window.times.length < window.limit ? window.times.at(-1) : window.times[(window.next + window.limit - 1) % window.limit];
  const spaced = latest === undefined ? 0 : latest + spacing - now;
  if (window.times.length < window.limit) return Math.max(0, spaced);
  return Math.max(0, spaced, window.times[window.next]! + 1000 - now);
}

function windowTake(window: Window, now: number): void {
  if (window.times.length < window.limit) window.times.push(now);
  else {
    window.times[window.next] = now;
    window.next = (window.next + 1) % window.limit;
  }
}

/**
 * A strict one-second window and token buckets for requests and tokens per minute; waiters are served in arrival
 * order, and a pause (Retry-After) holds them all.
 */
export function createRateLimiter(limits: RateLimits, clock: Clock): RateLimiter {
  const perSecond = windowFor(limits.requestsPerSecond);
  const requests = bucketFor(limits.requestsPerMinute, clock.now());
  const tokens = bucketFor(limits.tokensPerMinute, clock.now());
  let pausedUntil = 0;
  let queue: Promise<void> = Promise.resolve();

  async function take(need: number, signal: AbortSignal): Promise<void> {
    for (;;) {
      const now = clock.now();
      let wait = Math.max(0, pausedUntil - now);
      if (perSecond) wait = Math.max(wait, windowWait(perSecond, now));
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
        if (perSecond) windowTake(perSecond, now);
        if (requests) requests.level -= 1;
        if (tokens) tokens.level -= need;
        return;
      }
      await clock.sleep(Math.ceil(wait), signal);
    }
  }

  return {
    acquire(need, signal) {
      if (!perSecond && !requests && !tokens && pausedUntil <= clock.now()) return Promise.resolve();
      const mine = queue.then(() => take(need, signal));
      queue = mine.catch(() => undefined);
      return mine;
    },
    settle(extra) {
      if (tokens) tokens.level -= extra;
    },
    pause(ms) {
      pausedUntil = Math.max(pausedUntil, clock.now() + ms);
    },
  };
}
