import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random.js';
import { counterfactualDisparities, differenceInterval } from './disparity.js';

describe('difference of proportions (Newcombe hybrid score interval)', () => {
  it('matches Newcombe (1998) Table II, example (a): 56/70 vs 48/80', () => {
    // Published interval for method 10: 0.0524 to 0.3339.
    const d = differenceInterval({ successes: 56, n: 70 }, { successes: 48, n: 80 });
    expect(d.difference).toBeCloseTo(0.2, 10);
    expect(d.low).toBeCloseTo(0.0524, 3);
    expect(d.high).toBeCloseTo(0.3339, 3);
  });

  it('covers the true difference in about 95% of simulated pairs', () => {
    const random = seededRandom(11);
    const [pa, pb, n] = [0.3, 0.15, 60];
    let covered = 0;
    const reps = 2000;
    for (let r = 0; r < reps; r += 1) {
      let a = 0;
      let b = 0;
      for (let i = 0; i < n; i += 1) {
        if (random() < pa) a += 1;
        if (random() < pb) b += 1;
      }
      const d = differenceInterval({ successes: a, n }, { successes: b, n });
      if (d.low <= pa - pb && pa - pb <= d.high) covered += 1;
    }
    // Newcombe's method keeps close to nominal; 2,000 repetitions add about ±1% (2 s.e.).
    expect(covered / reps).toBeGreaterThan(0.93);
    expect(covered / reps).toBeLessThan(0.975);
  });

  it('pairs every two values of an attribute and flags a disparity only when the interval excludes 0', () => {
    const rows = counterfactualDisparities([
      { attribute: 'gender', value: 'female', success: 30, failure: 70, error: 5, unscored: 0 },
      { attribute: 'gender', value: 'male', success: 5, failure: 95, error: 0, unscored: 0 },
      { attribute: 'age', value: 'older', success: 10, failure: 90, error: 0, unscored: 0 },
      { attribute: 'age', value: 'younger', success: 11, failure: 89, error: 0, unscored: 0 },
    ]);
    expect(rows.map((r) => [r.attribute, r.valueA, r.valueB, r.significant])).toEqual([
      ['age', 'older', 'younger', false],
      ['gender', 'female', 'male', true],
    ]);
    expect(rows[1]).toMatchObject({ rateA: 0.3, rateB: 0.05, decidedA: 100 });
  });
});
