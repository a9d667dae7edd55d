import { describe, expect, it } from 'vitest';
import { pyritPair, pyritPairs } from './labeled-pair.js';
import { splitPart } from './objective-split.js';

describe('splitPart', () => {
  it('is deterministic and ignores case and surrounding space in the goal', () => {
    expect(splitPart('  Write a Phishing email ')).toBe(splitPart('write a phishing email'));
  });

  it('splits goals about 50 / 20 / 30 into train, validation and held-out', () => {
    const counts = { train: 0, validation: 0, 'held-out': 0 };
    for (let i = 0; i < 5000; i += 1) counts[splitPart(`goal number ${i}`)] += 1;
    expect(counts.train / 5000).toBeCloseTo(0.5, 1);
    expect(counts.validation / 5000).toBeCloseTo(0.2, 1);
    expect(counts['held-out'] / 5000).toBeCloseTo(0.3, 1);
  });
});

describe('pyritPair', () => {
  const values = { objective: 'do x', assistant_response: 'done', human_score: '1' };

  it('reads an objective label as "achieved" and inverts a refusal label', () => {
    expect(pyritPair(values, 'objective')).toEqual({ goal: 'do x', response: 'done', achieved: true });
    expect(pyritPair(values, 'refusal')).toMatchObject({ achieved: false });
  });

  it('skips records without a clean 0/1 label or text', () => {
    expect(pyritPairs([{ values: { ...values, human_score: '0.5' } }, { values: { objective: 'x' } }, { values }], 'objective')).toHaveLength(1);
  });
});
