import { describe, expect, it } from 'vitest';
import { virtualClock } from './fake-clock.js';
import { createRateLimiter } from './rate-limiter.js';

describe('rate limiter', () => {
  it('lets a burst of one minute’s allowance through, then spaces requests evenly', async () => {
    const clock = virtualClock();
    const limiter = createRateLimiter({ requestsPerMinute: 60 }, clock);
    const signal = new AbortController().signal;
    for (let i = 0; i < 60; i += 1) await limiter.acquire(0, signal);
    expect(clock.now()).toBe(0);
    for (let i = 0; i < 30; i += 1) await limiter.acquire(0, signal);
    // 30 more requests at one per second.
    expect(clock.now()).toBeGreaterThanOrEqual(29_000);
    expect(clock.now()).toBeLessThanOrEqual(30_500);
  });

  it('holds requests until enough tokens refill, and charges real usage afterwards', async () => {
    const clock = virtualClock();
    const limiter = createRateLimiter({ tokensPerMinute: 6_000 }, clock);
    const signal = new AbortController().signal;
    await limiter.acquire(6_000, signal);
    limiter.settle(3_000); // the request used 3,000 more tokens than estimated
    await limiter.acquire(1_000, signal);
    // Needed 4,000 tokens of refill at 100 per second.
    expect(clock.now()).toBeGreaterThanOrEqual(39_900);
  });

  it('stops waiting when the run is stopped', async () => {
    const clock = virtualClock();
    const limiter = createRateLimiter({ requestsPerMinute: 1 }, clock);
    const controller = new AbortController();
    await limiter.acquire(0, controller.signal);
    controller.abort(new Error('stop'));
    await expect(limiter.acquire(0, controller.signal)).rejects.toThrow('stop');
  });

  it('never lets more than the per-second limit through in any one-second window', async () => {
    const clock = virtualClock();
    const limiter = createRateLimiter({ requestsPerSecond: 5 }, clock);
    const signal = new AbortController().signal;
    const times: number[] = [];
    for (let i = 0; i < 23; i += 1) {
      await limiter.acquire(0, signal);
      times.push(clock.now());
    }
    // Evenly spaced, 200 ms apart: no burst for the target to receive all at once.
    expect(times.slice(0, 5)).toEqual([0, 200, 400, 600, 800]);
    expect(times.at(-1)).toBe(22 * 200);
    for (const start of times) expect(times.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(5);
  });

  it('holds every waiter while the target asked to wait (Retry-After)', async () => {
    const clock = virtualClock();
    const limiter = createRateLimiter({}, clock);
    const signal = new AbortController().signal;
    await limiter.acquire(0, signal);
    expect(clock.now()).toBe(0);
    limiter.pause(2_500);
    await limiter.acquire(0, signal);
    expect(clock.now()).toBe(2_500);
    await limiter.acquire(0, signal);
    expect(clock.now()).toBe(2_500);
  });
});
