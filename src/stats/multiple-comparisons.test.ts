import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random.js';
import { adjustPValues, benjaminiHochberg, holm } from './multiple-comparisons.js';

// Benjamini & Hochberg (1995), section 3.2: fifteen p-values from a myocardial-infarction trial.
const PAPER = [0.0201, 0.0001, 0.0004, 0.0019, 0.0095, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];

describe('Benjamini–Hochberg and Holm adjusted p-values', () => {
  it('reproduce the 1995 paper: BH rejects four hypotheses at 0.05, Holm three', () => {
    expect(benjaminiHochberg(PAPER).filter((q) => q <= 0.05)).toHaveLength(4);
    expect(holm(PAPER).filter((q) => q <= 0.05)).toHaveLength(3);
  });

  it("match R's p.adjust on 0.01…0.05", () => {
    const p = [0.01, 0.02, 0.03, 0.04, 0.05];
    benjaminiHochberg(p).forEach((q) => expect(q).toBeCloseTo(0.05, 12));
    holm(p).forEach((q, i) => expect(q).toBeCloseTo([0.05, 0.08, 0.09, 0.09, 0.09][i]!, 12));
  });

  it('keep input order, stay monotone in p, never fall below p, and cap at 1', () => {
    const p = [0.5, 0.001, 0.04, 0.03, 0.9];
    for (const method of ['bh', 'holm'] as const) {
      const q = adjustPValues(p, method);
      expect(q[1]).toBeLessThan(q[0]!);
      q.forEach((value, i) => {
        expect(value).toBeGreaterThanOrEqual(p[i]!);
        expect(value).toBeLessThanOrEqual(1);
      });
    }
    expect(benjaminiHochberg([0.04, 0.03])).toEqual([0.04, 0.04]);
    expect(benjaminiHochberg([])).toEqual([]);
  });

  it('keep the chance of any false discovery near alpha when every null is true (BH = family-wise then)', () => {
    const random = seededRandom(3);
    let any = 0;
    const reps = 4000;
    for (let r = 0; r < reps; r += 1) {
      const p = Array.from({ length: 20 }, () => random());
      if (benjaminiHochberg(p).some((q) => q < 0.05)) any += 1;
    }
    // Exactly 5% in theory for independent uniform p-values; 4,000 repetitions add about ±0.7% (2 s.e.).
    expect(any / reps).toBeGreaterThan(0.04);
    expect(any / reps).toBeLessThan(0.06);
  });

  it('rejects values outside [0, 1]', () => {
    expect(() => benjaminiHochberg([0.2, 1.5])).toThrow(RangeError);
    expect(() => holm([Number.NaN])).toThrow(RangeError);
  });
});
