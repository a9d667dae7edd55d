// Issue 19's extraction and membership-inference acceptance, against the demo digit victims.
import { describe, expect, it } from 'vitest';
import { mlScan } from '../src/api/ml-scan.js';
import { openStore } from '../src/api/open-store.js';

describe('model extraction of the demo digit victim (copycat)', () => {
  it('copies it better with more queries, and worse from argmax labels than from probabilities', async () => {
    const store = openStore(':memory:');
    const { summary } = await mlScan({ config: { target: { type: 'demo-digits' }, extraction: { budgets: [500, 1000, 5000] }, seed: 1 }, store });
    await store.close();
    const rows = summary.extraction;
    const by = (mode: string) => rows.filter((r) => r.mode === mode).map((r) => r.fidelity.successes / r.fidelity.n);
    const [probabilities, argmax] = [by('probabilities'), by('argmax')];
    expect(rows.map((r) => [r.mode, r.budget])).toEqual([['argmax', 500], ['argmax', 1000], ['argmax', 5000], ['probabilities', 500], ['probabilities', 1000], ['probabilities', 5000]]);
    for (const curve of [probabilities, argmax]) expect(curve[2]!).toBeGreaterThan(curve[0]!);
    // Output hardening to the label alone lowers the probability-mode curve at every budget.
    for (let k = 0; k < 3; k += 1) expect(argmax[k]!).toBeLessThan(probabilities[k]!);
    for (const r of rows) expect(r.fidelity.n).toBe(1000);
    console.info(rows.map((r) => `${r.mode} ${r.budget}: fidelity ${(100 * r.fidelity.successes / r.fidelity.n).toFixed(1)} %, accuracy ${(100 * r.accuracy.successes / r.accuracy.n).toFixed(1)} %`).join('; '));
  }, 120_000);
});

describe('membership inference against the demo digit victims', () => {
  const config = (type: string) => ({
    target: { type }, seed: 1,
    membership: { members: { dataset: 'mnist-digits', split: 'train' }, nonMembers: { dataset: 'mnist-digits', split: 'test' }, count: 300 },
  });

  it('beats the trivial baseline on the overfitted victim: each attack\'s AUC interval lies above 0.5', async () => {
    const store = openStore(':memory:');
    const { summary } = await mlScan({ config: config('demo-digits-overfit'), store });
    await store.close();
    expect(summary.membership.map((m) => m.technique)).toEqual(['membership-threshold', 'membership-label-only(copies=20,noise=0.25)']);
    for (const m of summary.membership) {
      expect(m.auc.low).toBeGreaterThan(0.5);
      expect(m.accuracy.low).toBeGreaterThan(0.5);
    }
    console.info(summary.membership.map((m) => `${m.technique}: AUC ${m.auc.auc.toFixed(3)} [${m.auc.low.toFixed(3)}, ${m.auc.high.toFixed(3)}], gap baseline ${m.baselines.gapAccuracy.toFixed(3)}`).join('; '));
  }, 120_000);

  it('cannot tell members on the well-regularised victim: each AUC interval includes 0.5', async () => {
    const store = openStore(':memory:');
    const { summary } = await mlScan({ config: config('demo-digits-regularised'), store });
    await store.close();
    expect(summary.membership).toHaveLength(2);
    for (const m of summary.membership) {
      expect(m.auc.low).toBeLessThanOrEqual(0.5);
      expect(m.auc.high).toBeGreaterThanOrEqual(0.5);
    }
    console.info(summary.membership.map((m) => `${m.technique}: AUC ${m.auc.auc.toFixed(3)} [${m.auc.low.toFixed(3)}, ${m.auc.high.toFixed(3)}]`).join('; '));
  }, 120_000);

  it('lists the score-based attack as skipped against a label-only victim, and runs the label-only one', async () => {
    const store = openStore(':memory:');
    const { summary } = await mlScan({ config: { ...config('demo-digits-overfit'), target: { type: 'demo-digits-overfit', access: 'label' } }, store });
    await store.close();
    expect(summary.membership.map((m) => m.technique)).toEqual(['membership-label-only(copies=20,noise=0.25)']);
    expect(summary.skipped).toContainEqual({ kind: 'scores-unavailable', reason: expect.stringContaining('membership-threshold') });
  }, 120_000);
});
