import { describe, expect, it } from 'vitest';
import type { CellComponents } from './cell-comparability.js';
import { compareRuns, type RunCells } from './compare-runs.js';
import { differenceInterval } from './disparity.js';
import { fisherExactTest } from './fisher-exact.js';
import { benjaminiHochberg } from './multiple-comparisons.js';
import { significant } from './significance.js';

const hashes = { target: 'a0a0a0a0a0a0a0a0', goals: 'g', techniques: {}, chains: {}, scorers: {} };
const none = { name: 'none', hash: 'c1c1c1c1c1c1c1c1' };
const refusal = { name: 'refusal', hash: 'e1e1e1e1e1e1e1e1' };

function cell(technique: string, success: number, failure: number, overrides: Partial<CellComponents> = {}): CellComponents {
  return {
    technique, category: 'fraud', persona: 'malicious', success, failure, error: 0, unscored: 0,
    techniqueHash: `${technique}-hash-0000`, goals: ['g1', 'g2'], chains: [none], scorers: [refusal], ...overrides,
  };
}

function run(id: string, cells: readonly CellComponents[], target = hashes.target): RunCells {
  return { run: { id, targetId: 'demo', simulated: true, status: 'completed', createdAt: 0, hashes: { ...hashes, target } }, cells };
}

describe('compareRuns', () => {
  const a = run('r-a', [cell('role-play', 5, 45), cell('base64', 20, 30), cell('direct', 10, 40), cell('gone', 1, 9)]);
  const b = run('r-b', [cell('role-play', 30, 20), cell('base64', 5, 45), cell('direct', 12, 38), cell('new', 2, 8)]);
  const result = compareRuns({ a, b });

  it('flags a higher rate in B as a regression and a lower one as an improvement', () => {
    const verdicts = Object.fromEntries(result.cells.map((c) => [c.technique, c.verdict]));
    expect(verdicts).toEqual({
      'role-play': 'regression', base64: 'improvement', direct: 'no significant change', gone: 'not comparable', new: 'not comparable',
    });
    expect(result.counts).toEqual({ regression: 1, improvement: 1, 'no significant change': 1, 'not comparable': 2 });
  });

  it('gives both rates, the difference B − A with its Newcombe interval, Fisher p and BH q over compared cells only', () => {
    const row = result.cells.find((c) => c.technique === 'role-play')!;
    expect(row.a).toMatchObject({ successes: 5, failures: 45, asr: 0.1 });
    expect(row.b).toMatchObject({ successes: 30, failures: 20, asr: 0.6 });
    const d = differenceInterval({ successes: 30, n: 50 }, { successes: 5, n: 50 });
    expect(row.difference).toEqual({ estimate: d.difference, low: d.low, high: d.high });
    const ps = [[5, 30], [20, 5], [10, 12]].map(([x, y]) => fisherExactTest({ successes: x!, n: 50 }, { successes: y!, n: 50 }));
    expect(row.p).toBeCloseTo(ps[0]!, 12);
    // Three compared cells (the two present in one run only do not count).
    expect(row.q).toBeCloseTo(benjaminiHochberg(ps)[0]!, 12);
    expect(result.cells.find((c) => c.technique === 'direct')!.q).toBeCloseTo(benjaminiHochberg(ps)[2]!, 12);
  });

  it('names cells present in one run only, and sorts cells by technique', () => {
    expect(result.cells.map((c) => c.technique)).toEqual(['base64', 'direct', 'gone', 'new', 'role-play']);
    expect(result.cells.find((c) => c.technique === 'gone')).toMatchObject({ reason: 'only in run A', b: null, p: null, q: null, difference: null });
    expect(result.cells.find((c) => c.technique === 'new')).toMatchObject({ reason: 'only in run B', a: null });
  });

  it('says when the target configuration changed, without making cells incomparable', () => {
    expect(result.targetChanged).toBe(false);
    const changed = compareRuns({ a, b: run('r-c', b.cells, 'b0b0b0b0b0b0b0b0') });
    expect(changed.targetChanged).toBe(true);
    expect(changed.counts['not comparable']).toBe(2);
  });

  it('refuses cells whose technique, chains, goals or deciding scorer changed, saying why', () => {
    const base = run('r-1', [cell('t1', 1, 9), cell('t2', 1, 9), cell('t3', 1, 9), cell('t4', 1, 9), cell('t5', 0, 0, { error: 10 })]);
    const next = run('r-2', [
      cell('t1', 9, 1, { techniqueHash: 'ffffffff00000000' }),
      cell('t2', 9, 1, { chains: [none, { name: 'base64', hash: 'dddddddd00000000' }] }),
      cell('t3', 9, 1, { goals: ['g1', 'g3', 'g4'] }),
      cell('t4', 9, 1, { scorers: [{ name: 'refusal', hash: 'e2e2e2e2e2e2e2e2' }] }),
      cell('t5', 5, 5),
    ]);
    const reasons = compareRuns({ a: base, b: next }).cells.map((c) => [c.verdict, c.reason]);
    expect(reasons).toEqual([
      ['not comparable', 'technique changed: t1 hash t1-hash-… vs ffffffff…'],
      ['not comparable', 'converter chains changed: only in B: base64'],
      ['not comparable', 'goal set differs: 1 only in A, 2 only in B'],
      ['not comparable', 'scorer changed: refusal hash e1e1e1e1… vs e2e2e2e2…'],
      ['not comparable', 'no decided attempts in run A'],
    ]);
  });

  it('uses Holm when asked and rejects an alpha outside (0, 1)', () => {
    const holm = compareRuns({ a, b, adjustment: 'holm' });
    expect(holm.adjustment).toBe('holm');
    expect(holm.cells.find((c) => c.technique === 'direct')!.q).toBeGreaterThanOrEqual(result.cells.find((c) => c.technique === 'direct')!.q!);
    expect(() => compareRuns({ a, b, alpha: 0 })).toThrow(RangeError);
    expect(() => compareRuns({ a, b, alpha: 1 })).toThrow(RangeError);
  });

  it('calls nothing significant when alpha is tiny', () => {
    expect(compareRuns({ a, b, alpha: 1e-12 }).counts).toMatchObject({ regression: 0, improvement: 0, 'no significant change': 3 });
  });
});

describe('a p-value exactly at alpha', () => {
  // 0 of 2 against 9 of 10. With the margins fixed, the first group's successes x have probabilities
  // C(9,x)·C(3,2−x)/C(12,2) = 3/66, 27/66, 36/66 for x = 0, 1, 2; only the observed x = 0 is that unlikely,
  // so the exact two-sided p is 3/66, and alpha is set to exactly that.
  const low = cell('role-play', 0, 2);
  const high = cell('role-play', 9, 1);
  const alpha = 3 / 66;

  it('is the same p computed with the groups either way round, up to the last bits', () => {
    const forward = fisherExactTest({ successes: 0, n: 2 }, { successes: 9, n: 10 });
    const backward = fisherExactTest({ successes: 9, n: 10 }, { successes: 0, n: 2 });
    // The case is real: rounding puts one below alpha and the other not, so a plain comparison would flip.
    expect(forward).not.toBe(backward);
    expect(Math.min(forward, backward)).toBeLessThan(alpha);
    expect(Math.max(forward, backward)).toBeGreaterThanOrEqual(alpha);
    expect(Math.abs(forward - backward) / alpha).toBeLessThan(1e-12);
  });

  it('is significant whichever run is the baseline: a regression one way, an improvement the other', () => {
    expect(compareRuns({ a: run('r-a', [low]), b: run('r-b', [high]), alpha }).cells[0]!.verdict).toBe('regression');
    expect(compareRuns({ a: run('r-b', [high]), b: run('r-a', [low]), alpha }).cells[0]!.verdict).toBe('improvement');
  });

  it('counts as significant within a relative 1e-9 of alpha, and not beyond', () => {
    expect(significant(0.05 * (1 + 1e-12), 0.05)).toBe(true);
    expect(significant(0.05, 0.05)).toBe(true);
    expect(significant(0.05 * (1 + 1e-6), 0.05)).toBe(false);
    expect(significant(0.051, 0.05)).toBe(false);
  });
});
