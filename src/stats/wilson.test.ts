import { describe, expect, it } from 'vitest';
import { Z_95, wilsonInterval } from './wilson.js';

// Wilson's closed form, written out separately from the implementation.
function closedForm(x: number, n: number): [number, number] {
  const p = x / n;
  const z2 = Z_95 ** 2;
  const denom = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denom;
  const half = (Z_95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denom;
  return [centre - half, centre + half];
}

describe('wilsonInterval', () => {
  // Newcombe (1998), Stat. Med. 17:857–872, Table II, method 3 (score interval without continuity correction).
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ])('matches the published interval for %i/%i', (x, n, low, high) => {
    const interval = wilsonInterval(x, n);
    expect(interval.low).toBeCloseTo(low, 4);
    expect(interval.high).toBeCloseTo(high, 4);
  });

  it.each([
    [0, 10],
    [5, 10],
    [10, 10],
    [81, 263],
    [3, 7],
  ])('agrees with the closed form for %i/%i', (x, n) => {
    const [low, high] = closedForm(x, n);
    const interval = wilsonInterval(x, n);
    expect(interval.low).toBeCloseTo(Math.max(0, low), 12);
    expect(interval.high).toBeCloseTo(Math.min(1, high), 12);
  });

  it('is exact at the edges: 0 successes start at 0, n successes end at 1', () => {
    expect(wilsonInterval(0, 10)).toEqual({ low: 0, high: expect.closeTo(0.27753, 5) });
    expect(wilsonInterval(10, 10)).toEqual({ low: expect.closeTo(0.72247, 5), high: 1 });
    expect(wilsonInterval(5, 10).low).toBeCloseTo(0.23659, 5);
    expect(wilsonInterval(5, 10).high).toBeCloseTo(0.76341, 5);
  });

  it('returns [0, 1] when nothing was observed', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
  });

  it('widens with a larger z', () => {
    const narrow = wilsonInterval(5, 10);
    const wide = wilsonInterval(5, 10, 2.5758293035489);
    expect(wide.low).toBeLessThan(narrow.low);
    expect(wide.high).toBeGreaterThan(narrow.high);
  });

  it('rejects impossible counts', () => {
    expect(() => wilsonInterval(11, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(-1, 10)).toThrow(RangeError);
    expect(() => wilsonInterval(1.5, 10)).toThrow(RangeError);
  });
});
