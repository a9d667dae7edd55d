import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random.js';
import { fisherExactTest } from './fisher-exact.js';

// Ground truth written out separately: every table with the observed margins, by log-factorials.
function bruteForce(a: { successes: number; n: number }, b: { successes: number; n: number }): number {
  const logFactorial = (n: number): number => {
    let sum = 0;
    for (let i = 2; i <= n; i += 1) sum += Math.log(i);
    return sum;
  };
  const k = a.successes + b.successes;
  const total = a.n + b.n;
  const probability = (x: number): number =>
    Math.exp(logFactorial(k) - logFactorial(x) - logFactorial(k - x) + logFactorial(total - k) - logFactorial(a.n - x)
      - logFactorial(total - k - a.n + x) - logFactorial(total) + logFactorial(a.n) + logFactorial(total - a.n));
  const observed = probability(a.successes);
  let p = 0;
  for (let x = Math.max(0, a.n - (total - k)); x <= Math.min(k, a.n); x += 1) {
    const px = probability(x);
    if (px <= observed * (1 + 1e-7)) p += px;
  }
  return Math.min(1, p);
}

describe('fisherExactTest (two-sided)', () => {
  it("matches Fisher's tea-tasting table: 3 of 4 cups right, p = 0.4857", () => {
    expect(fisherExactTest({ successes: 3, n: 4 }, { successes: 1, n: 4 })).toBeCloseTo(34 / 70, 12);
    expect(fisherExactTest({ successes: 3, n: 4 }, { successes: 1, n: 4 })).toBeCloseTo(0.4857, 4);
  });

  it('matches the published dieting example: 1 of 12 men vs 9 of 12 women, p = 0.002759', () => {
    expect(fisherExactTest({ successes: 1, n: 12 }, { successes: 9, n: 12 })).toBeCloseTo(0.002759, 6);
  });

  it('agrees with enumeration over every table with the same margins', () => {
    const random = seededRandom(5);
    for (let i = 0; i < 300; i += 1) {
      const a = { n: 1 + Math.floor(random() * 40), successes: 0 };
      const b = { n: 1 + Math.floor(random() * 40), successes: 0 };
      a.successes = Math.floor(random() * (a.n + 1));
      b.successes = Math.floor(random() * (b.n + 1));
      expect(fisherExactTest(a, b), JSON.stringify([a, b])).toBeCloseTo(bruteForce(a, b), 10);
    }
  });

  it('does not depend on which group is first or on which outcome counts as success', () => {
    const [a, b] = [{ successes: 7, n: 30 }, { successes: 16, n: 25 }];
    const p = fisherExactTest(a, b);
    expect(fisherExactTest(b, a)).toBeCloseTo(p, 12);
    expect(fisherExactTest({ successes: a.n - a.successes, n: a.n }, { successes: b.n - b.successes, n: b.n })).toBeCloseTo(p, 12);
  });

  it('gives 1 when the margins leave one possible table or the rates are equal', () => {
    expect(fisherExactTest({ successes: 0, n: 20 }, { successes: 0, n: 30 })).toBe(1);
    expect(fisherExactTest({ successes: 0, n: 0 }, { successes: 3, n: 5 })).toBe(1);
    expect(fisherExactTest({ successes: 10, n: 20 }, { successes: 10, n: 20 })).toBeCloseTo(1, 12);
  });

  it('stays finite and exact-looking for large counts, where factorials overflow', () => {
    const p = fisherExactTest({ successes: 5200, n: 100_000 }, { successes: 5000, n: 100_000 });
    // Two-proportion z ≈ 2.03 here, so p ≈ 0.042; the exact test agrees closely at this size.
    expect(p).toBeGreaterThan(0.035);
    expect(p).toBeLessThan(0.05);
    expect(fisherExactTest({ successes: 90_000, n: 100_000 }, { successes: 10_000, n: 100_000 })).toBe(0);
  });

  it('rejects impossible counts', () => {
    expect(() => fisherExactTest({ successes: 4, n: 3 }, { successes: 0, n: 1 })).toThrow(RangeError);
    expect(() => fisherExactTest({ successes: 1, n: 2.5 }, { successes: 0, n: 1 })).toThrow(RangeError);
  });
});
