import { describe, expect, it } from 'vitest';
import { queriesForShare, summarizeEvasion, type EvasionRecord } from './evasion-summary.js';

const bound = { norm: 'l2' as const, epsilon: 2 };
function record(outcome: 'success' | 'failure' | 'error', progress: [number, number][], label = '3'): EvasionRecord {
  return {
    attack: 'hsj', budget: 1000, outcome,
    measures: { kind: 'evasion', queries: 1001, budget: 1000, trueLabel: label, bound, progress: progress.map(([queries, distance]) => ({ queries, distance })), ...(outcome === 'success' ? { sizes: { l0: 10, l2: progress.at(-1)![1], linf: 0.1 } } : {}) },
  };
}

describe('evasion summaries', () => {
  const records = [
    record('success', [[10, 5], [90, 1.5], [900, 1]]),
    record('success', [[10, 4], [400, 1.9]], '7'),
    record('failure', [[10, 6], [900, 3]]),
    record('error', []),
  ];
  const [hsj] = summarizeEvasion(records);

  it('rates over decided attempts only, with errors counted beside', () => {
    expect(hsj!.success).toMatchObject({ successes: 2, n: 3 });
    expect(hsj!.errors).toBe(1);
  });

  it('counts queries to first reach the bound, not all the attack spent', () => {
    expect(hsj!.queriesToBound).toEqual([90, 400]);
    expect(hsj!.medianQueries).toBe(245);
    expect(queriesForShare(hsj!, 1 / 3)).toBe(90);
    expect(queriesForShare(hsj!, 2 / 3)).toBe(400);
    expect(queriesForShare(hsj!, 1)).toBeUndefined();
  });

  it('draws the success-versus-queries curve and the median distance at each checkpoint', () => {
    expect(hsj!.curve.map((c) => [c.queries, c.success.successes])).toEqual([[100, 1], [200, 1], [500, 2], [1000, 2]]);
    expect(hsj!.curve[0]!.medianDistance).toBe(4);
    expect(hsj!.curve[3]!.medianDistance).toBe(1.9);
  });

  it('breaks success down by true class', () => {
    expect(hsj!.byClass).toEqual([{ label: '3', successes: 1, n: 2 }, { label: '7', successes: 1, n: 1 }]);
  });
});
