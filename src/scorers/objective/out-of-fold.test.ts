import { describe, expect, it } from 'vitest';
import { goalFold, outOfFoldProbabilities, type FoldRow } from './out-of-fold.js';

describe('goalFold', () => {
  it('puts every row of one goal in one fold, ignoring case and surrounding space, and uses every fold', () => {
    expect(goalFold('  Write a Phishing email ', 5)).toBe(goalFold('write a phishing email', 5));
    const used = new Set(Array.from({ length: 200 }, (_, i) => goalFold(`goal ${i}`, 5)));
    expect([...used].sort()).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('outOfFoldProbabilities', () => {
  // A separable signal: x > 0 is positive. Every row is scored by a model that never saw its goal.
  const rows: FoldRow[] = Array.from({ length: 60 }, (_, i) => ({ goal: `goal ${i}`, x: [i % 2 === 0 ? 1 + (i % 7) : -1 - (i % 5)], actual: i % 2 === 0 }));

  it('scores every row, in order, and ranks a learnable signal the right way round', () => {
    const scored = outOfFoldProbabilities(rows, { folds: 5 });
    expect(scored).toHaveLength(rows.length);
    expect(scored.every((s, i) => s.actual === rows[i]?.actual && s.probability >= 0 && s.probability <= 1)).toBe(true);
    expect(scored.filter((s) => s.probability >= 0.5 === s.actual)).toHaveLength(rows.length);
  });

  it('is deterministic', () => {
    expect(outOfFoldProbabilities(rows, { folds: 5 })).toEqual(outOfFoldProbabilities(rows, { folds: 5 }));
  });
});
