import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random.js';
import { backoffDelay, DEFAULT_RETRY_POLICY } from './retry-policy.js';

describe('backoff', () => {
  it('grows exponentially with full jitter and never exceeds the cap', () => {
    const random = seededRandom(7);
    for (let retry = 1; retry <= 10; retry += 1) {
      const ceiling = Math.min(DEFAULT_RETRY_POLICY.maxDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs * 2 ** (retry - 1));
      for (let i = 0; i < 50; i += 1) {
        const d = backoffDelay({ policy: DEFAULT_RETRY_POLICY, retry, random })!;
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(ceiling);
      }
    }
  });

  it('never waits less than Retry-After, and gives up on one longer than allowed', () => {
    const random = () => 0;
    expect(backoffDelay({ policy: DEFAULT_RETRY_POLICY, retry: 1, random, retryAfterMs: 2_000 })).toBe(2_000);
    expect(backoffDelay({ policy: DEFAULT_RETRY_POLICY, retry: 1, random, retryAfterMs: 10 * 60_000 })).toBeUndefined();
  });
});
