import { describe, expect, it } from 'vitest';
import type { Verdict } from '../../core/outcome.js';
import { combineVerdicts } from './combine-verdicts.js';

const S: Verdict = 'success';
const F: Verdict = 'failure';
const U: Verdict = 'unscored';
const verdict = (options: Parameters<typeof combineVerdicts>[0]): Verdict => combineVerdicts(options).verdict;

describe('three-valued composite logic', () => {
  // [a, b, a AND b, a OR b]: Kleene's strong three-valued logic, unscored as "unknown".
  const table: readonly (readonly [Verdict, Verdict, Verdict, Verdict])[] = [
    [S, S, S, S], [S, F, F, S], [S, U, U, S],
    [F, S, F, S], [F, F, F, F], [F, U, F, U],
    [U, S, U, S], [U, F, F, U], [U, U, U, U],
  ];
  it.each(table)('%s AND/OR %s gives %s / %s', (a, b, and, or) => {
    expect(verdict({ op: 'and', verdicts: [a, b] })).toBe(and);
    expect(verdict({ op: 'or', verdicts: [a, b] })).toBe(or);
  });
  it('NOT swaps success and failure and keeps unscored', () => {
    expect([S, F, U].map((v) => verdict({ op: 'not', verdicts: [v] }))).toEqual([F, S, U]);
  });
  it('majority counts decided children only, and needs a quorum (default: more than half decided)', () => {
    expect(verdict({ op: 'majority', verdicts: [S, S, F] })).toBe(S);
    expect(verdict({ op: 'majority', verdicts: [S, F, F] })).toBe(F);
    expect(verdict({ op: 'majority', verdicts: [S, S, U] })).toBe(S);
    expect(verdict({ op: 'majority', verdicts: [S, U, U] })).toBe(U);
    expect(verdict({ op: 'majority', verdicts: [S, F, U] })).toBe(U);
    expect(verdict({ op: 'majority', verdicts: [S, U, U], quorum: 1 })).toBe(S);
    expect(verdict({ op: 'majority', verdicts: [S, S, F, U, U], quorum: 4 })).toBe(U);
    expect(combineVerdicts({ op: 'majority', verdicts: [S, U, U] }).rule).toMatch(/quorum of 2/);
  });
  it('threshold succeeds at k successes, fails once k is out of reach, else stays unscored', () => {
    expect(verdict({ op: 'threshold', threshold: 2, verdicts: [S, S, U] })).toBe(S);
    expect(verdict({ op: 'threshold', threshold: 2, verdicts: [S, F, F] })).toBe(F);
    expect(verdict({ op: 'threshold', threshold: 2, verdicts: [S, F, U] })).toBe(U);
    expect(verdict({ op: 'threshold', threshold: 3, verdicts: [S, S, F, U] })).toBe(U);
    expect(verdict({ op: 'threshold', threshold: 3, verdicts: [S, F, F, U] })).toBe(F);
    expect(combineVerdicts({ op: 'threshold', threshold: 3, verdicts: [S, F, F, U] }).rule).toMatch(/out of reach/);
  });
  it('never turns an all-unscored set into a decision', () => {
    for (const op of ['and', 'or', 'not', 'majority'] as const) expect(verdict({ op, verdicts: op === 'not' ? [U] : [U, U, U] })).toBe(U);
    expect(verdict({ op: 'threshold', threshold: 1, verdicts: [U, U] })).toBe(U);
  });
});
