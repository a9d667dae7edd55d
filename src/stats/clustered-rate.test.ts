import { describe, expect, it } from 'vitest';
import { clusteredRate } from './clustered-rate.js';
import { wilsonInterval } from './wilson.js';

describe('clusteredRate', () => {
  it('is Wilson when the cases do not move together, and wider when a dimension’s clusters do', () => {
    // 10 user tasks × 6 injection tasks; successes spread over both dimensions.
    const spread = Array.from({ length: 60 }, (_, i) => ({ success: (i * 7) % 4 === 0, clusters: [`u${i % 10}`, `i${Math.floor(i / 10)}`] }));
    const r = clusteredRate(spread);
    const w = wilsonInterval(r.count, 60);
    expect(r.low!).toBeLessThanOrEqual(w.low + 1e-12);
    expect(r.high!).toBeGreaterThanOrEqual(w.high - 1e-12);
    // Every success in the same injection task: the evidence is one task, the interval says so.
    const clustered = Array.from({ length: 60 }, (_, i) => ({ success: Math.floor(i / 10) === 0, clusters: [`u${i % 10}`, `i${Math.floor(i / 10)}`] }));
    const c = clusteredRate(clustered);
    expect(c.rate).toBeCloseTo(1 / 6, 12);
    expect(c.designEffect).toBeGreaterThan(5);
    expect(c.high! - c.low!).toBeGreaterThan(2 * (wilsonInterval(10, 60).high - wilsonInterval(10, 60).low));
    expect(clusteredRate([])).toMatchObject({ of: 0, rate: null, low: null });
  });
});
