import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random.js';
import { rocAuc, tprAtFpr } from './roc-auc.js';

describe('ROC AUC with a DeLong interval', () => {
  it('is the share of positive–negative pairs ranked right, ties counting half', () => {
    expect(rocAuc([3, 2], [1, 2]).auc).toBeCloseTo((1 + 1 + 1 + 0.5) / 4, 12);
    expect(rocAuc([1], [2]).auc).toBe(0);
  });

  it('covers a known AUC about 95 % of the time (scores from two normals, AUC = Φ(d/√2))', () => {
    const random = seededRandom(4);
    const gauss = () => Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12))) * Math.cos(2 * Math.PI * random());
    const d = 0.5;
    // Φ(0.5/√2) = Φ(0.35355) ≈ 0.638163
    const truth = 0.638163;
    let covered = 0;
    for (let rep = 0; rep < 300; rep += 1) {
      const pos = Array.from({ length: 80 }, () => gauss() + d);
      const neg = Array.from({ length: 80 }, () => gauss());
      const est = rocAuc(pos, neg);
      if (est.low <= truth && truth <= est.high) covered += 1;
    }
    expect(covered / 300).toBeGreaterThan(0.91);
    expect(covered / 300).toBeLessThan(0.99);
  });

  it('reads the true-positive rate at a low false-positive rate', () => {
    const negatives = Array.from({ length: 100 }, (_, i) => i / 100);
    // 1 % of 100 negatives: one (0.99) may score above the threshold, so it is 0.98.
    expect(tprAtFpr([0.995, 0.985, 0.5, 0.2], negatives, 0.01)).toBe(0.5);
    // 0.1 % of 100 negatives is none: the threshold is the largest negative score.
    expect(tprAtFpr([0.995, 0.985, 0.5, 0.2], negatives, 0.001)).toBe(0.25);
  });
});
