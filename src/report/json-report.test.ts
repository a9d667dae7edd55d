import { describe, expect, it } from 'vitest';
import { buildSummary } from '../stats/index.js';
import { renderJson } from './json-report.js';

describe('renderJson', () => {
  const summary = buildSummary({
    run: { id: 'r-3', status: 'failed', targetId: 'http:app', simulated: false, seed: 5, planned: 4, createdAt: 0, hashes: { target: 'a', goals: 'b', techniques: {}, chains: {}, scorers: {} } },
    cells: [{ technique: 'many-shot', category: 'privacy', persona: 'malicious', success: 1, failure: 1, error: 1, unscored: 1 }],
    goals: [{ goalId: 'g', category: 'privacy', persona: 'malicious', success: 1, failure: 1, error: 1, unscored: 1 }],
    k: 2,
  });
  const text = renderJson(summary);

  it('escapes C1 controls and bidi overrides, which JSON.stringify leaves raw, and still round-trips', () => {
    const hostile = { ...summary, target: { ...summary.target, id: 'app\u009b31m\u202eevil\u007f' } };
    const escaped = renderJson(hostile);
    expect(escaped).not.toMatch(/[\u007f-\u009f\u202e]/);
    expect(escaped).toContain('app\\u009b31m\\u202eevil\\u007f');
    expect(JSON.parse(escaped)).toEqual(hostile);
  });

  it('round-trips to the same summary', () => {
    expect(JSON.parse(text)).toEqual(summary);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('writes keys in the documented order, nulls included', () => {
    const parsed = JSON.parse(text);
    expect(Object.keys(parsed)).toEqual([
      'schemaVersion', 'runId', 'status', 'target', 'seed', 'planned', 'recorded', 'createdAt', 'finishedAt', 'hashes', 'overall', 'techniqueChains', 'cells', 'goals', 'disparities', 'turnCurves', 'detectors', 'cost',
    ]);
    expect(Object.keys(parsed.cells[0])).toEqual([
      'technique', 'chain', 'category', 'persona', 'trials', 'successes', 'failures', 'errors', 'unscored', 'asr', 'ciLow', 'ciHigh', 'corrected', 'reviewed', 'filtered', 'cost', 'decidedBy', 'refusalBased',
    ]);
    expect(Object.keys(parsed.overall[0])).toEqual([
      'persona', 'rateName', 'trials', 'successes', 'failures', 'errors', 'unscored', 'asr', 'ciLow', 'ciHigh', 'goalClustered',
    ]);
    expect(Object.keys(parsed.goals[0])).toEqual(['goalId', 'category', 'persona', 'trials', 'decided', 'successes', 'k', 'passAtK']);
    expect(parsed.finishedAt).toBeNull();
  });

  it('is byte-for-byte stable for the same summary', () => {
    expect(renderJson(structuredClone(summary))).toBe(text);
  });
});
