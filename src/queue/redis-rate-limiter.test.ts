import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { redisUrl, uniqueName } from '../../test/support/services.js';
import type { RateLimiter, RateLimits } from '../engine/rate-limiter.js';
import { createRedisRateLimiter } from './redis-rate-limiter.js';

const clients: Redis[] = [];
afterEach(async () => {
  await Promise.all(clients.splice(0).map((c) => c.quit().catch(() => undefined)));
});

function connect(url: string): Redis {
  const client = new Redis(url);
  clients.push(client);
  return client;
}

/** Limiters sharing one key, each on its own connection (as separate processes would be), recording admissions. */
function sharedLimiters(input: { url: string; count: number; limits: RateLimits }): { limiters: RateLimiter[]; admitted: number[]; key: string } {
  const key = uniqueName('redline:test:limit');
  const admitted: number[] = [];
  const limiters = Array.from({ length: input.count }, () =>
    createRedisRateLimiter({ redis: connect(input.url), key, limits: input.limits, onAdmit: (at) => admitted.push(at) }),
  );
  return { limiters, admitted, key };
}

/** The most admissions in any one-second window [t, t + 1000). */
function busiestSecond(times: readonly number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let i = 0, j = 0; i < sorted.length; i += 1) {
    while (j < sorted.length && sorted[j]! < sorted[i]! + 1000) j += 1;
    most = Math.max(most, j - i);
  }
  return most;
}

const never = new AbortController().signal;

describe('the shared (Redis) rate limiter', () => {
  it('admits at most N requests in any one second across connections, and close to N a second', async (ctx) => {
    const url = redisUrl(ctx);
    if (!url) return;
    const perSecond = 20;
    const { limiters, admitted, key } = sharedLimiters({ url, count: 3, limits: { requestsPerSecond: perSecond } });
    const until = Date.now() + 3_300;
    // Three connections, each with four attempts asking at once (they queue locally).
    await Promise.all(limiters.flatMap((limiter) => Array.from({ length: 4 }, async () => {
      while (Date.now() < until) await limiter.acquire(0, never);
    })));
    expect(busiestSecond(admitted)).toBeLessThanOrEqual(perSecond);
    const first = Math.min(...admitted);
    const inThreeSeconds = admitted.filter((t) => t < first + 3_000).length;
    // A burst of N, then N more as each admission leaves the (1 s + margin) window: 3 N in the first three seconds.
    expect(inThreeSeconds).toBeGreaterThanOrEqual(0.9 * 3 * perSecond);
    // Nothing is left behind forever.
    const redis = connect(url);
    const keys = await redis.keys(`${key}:*`);
    expect(keys.length).toBeGreaterThan(0);
    for (const k of keys) expect(await redis.pttl(k)).toBeGreaterThan(0);
  });

  it('holds every sharer, even one with no limits of its own, while one of them was told to wait', async (ctx) => {
    const url = redisUrl(ctx);
    if (!url) return;
    const key = uniqueName('redline:test:limit');
    const told = connect(url);
    const teller = createRedisRateLimiter({ redis: told, key, limits: { requestsPerSecond: 100 } });
    const other = createRedisRateLimiter({ redis: connect(url), key, limits: {} });
    const before = Date.now();
    teller.pause(1_500);
    await told.ping(); // the pause went before this on the same connection, so it is in place
    // A limiter with no limits of its own reads the shared pause before its first request (later, every 200 ms).
    await other.acquire(0, never);
    expect(Date.now() - before).toBeGreaterThanOrEqual(1_450);
  });

  it('stops waiting at once when the signal aborts, the queued waiters behind too', async (ctx) => {
    const url = redisUrl(ctx);
    if (!url) return;
    const { limiters: [limiter] } = sharedLimiters({ url, count: 1, limits: { requestsPerMinute: 1 } });
    await limiter!.acquire(0, never);
    const controller = new AbortController();
    const waiting = [limiter!.acquire(0, controller.signal), limiter!.acquire(0, controller.signal)];
    const started = Date.now();
    setTimeout(() => controller.abort(new Error('stopped')), 100);
    for (const wait of waiting) await expect(wait).rejects.toThrow('stopped');
    // The next request would have waited a minute.
    expect(Date.now() - started).toBeLessThan(10_000);
    await expect(limiter!.acquire(0, controller.signal)).rejects.toThrow('stopped');
  });

  it('shares a tokens-per-minute bucket, corrected by settle', async (ctx) => {
    const url = redisUrl(ctx);
    if (!url) return;
    const key = uniqueName('redline:test:limit');
    const limits = { tokensPerMinute: 60_000 };
    const admitted: number[] = [];
    const settling = connect(url);
    const one = createRedisRateLimiter({ redis: settling, key, limits, onAdmit: (at) => admitted.push(at) });
    const two = createRedisRateLimiter({ redis: connect(url), key, limits, onAdmit: (at) => admitted.push(at) });
    await one.acquire(60_000, never); // the whole minute's allowance
    one.settle(-30_000); // the request used 30,000 fewer tokens than estimated: they come back
    await settling.ping(); // the settle went first on this connection
    await two.acquire(30_000, never);
    expect(admitted[1]! - admitted[0]!).toBeLessThan(1_000);
    one.settle(2_000); // another used 2,000 more than estimated: the bucket owes them
    await settling.ping();
    await two.acquire(1_000, never);
    // About 3,000 tokens to refill at 1,000 a second (less what refilled between the two requests).
    expect(admitted[2]! - admitted[0]!).toBeGreaterThanOrEqual(2_950);
  });

  it('rejects the next acquire when a background write failed', async (ctx) => {
    const url = redisUrl(ctx);
    if (!url) return;
    const offline = new Redis(url, { lazyConnect: true, enableOfflineQueue: false });
    offline.on('error', () => undefined); // the refused command is what this test is about
    const limiter = createRedisRateLimiter({ redis: offline, key: uniqueName('redline:test:limit'), limits: { tokensPerMinute: 1_000 } });
    limiter.settle(100);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(limiter.acquire(0, never)).rejects.toThrow(/could not settle the token count/);
    offline.disconnect();
  });
});
