import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random.js';
import { correctedRate, roganGladen } from './rogan-gladen.js';

describe('Rogan–Gladen correction', () => {
  it('inverts a known misclassification exactly', () => {
    // True rate 0.30 seen through Se 0.9, Sp 0.8: observed = 0.3·0.9 + 0.7·0.2 = 0.41.
    expect(roganGladen(0.41, 0.9, 0.8)).toBeCloseTo(0.3, 12);
    expect(roganGladen(0.5, 0.5, 0.5)).toBeNull();
    expect(roganGladen(0.05, 0.9, 0.8)).toBe(0);
  });

  it('the bootstrap interval covers the true rate in about 95% of simulated studies, with calibration error included', () => {
    const random = seededRandom(5);
    const truth = 0.3;
    const [se, sp] = [0.85, 0.9];
    const bern = (p: number, n: number) => Array.from({ length: n }, () => random() < p).filter(Boolean).length;
    let covered = 0;
    const studies = 300;
    for (let s = 0; s < studies; s += 1) {
      // A cell of 200 attempts scored by the imperfect scorer, and a calibration set of 100 + 100 labeled rows.
      let seen = 0;
      for (let i = 0; i < 200; i += 1) seen += (random() < truth ? random() < se : random() > sp) ? 1 : 0;
      const result = correctedRate({
        observed: { successes: seen, n: 200 },
        accuracy: { sensitivity: { successes: bern(se, 100), n: 100 }, specificity: { successes: bern(sp, 100), n: 100 } },
        seed: s,
        draws: 1000,
      })!;
      if (result.low <= truth && truth <= result.high) covered += 1;
    }
    // Percentile bootstraps run slightly narrow; 300 studies add ±2.5% (2 s.e.).
    expect(covered / studies).toBeGreaterThan(0.9);
    expect(covered / studies).toBeLessThan(0.99);
  });

  it('is deterministic for a seed and null for a chance-level scorer', () => {
    const input = { observed: { successes: 40, n: 100 }, accuracy: { sensitivity: { successes: 90, n: 100 }, specificity: { successes: 80, n: 100 } }, seed: 9 };
    expect(correctedRate(input)).toEqual(correctedRate(input));
    expect(correctedRate({ ...input, accuracy: { sensitivity: { successes: 50, n: 100 }, specificity: { successes: 50, n: 100 } } })).toBeNull();
  });
});
