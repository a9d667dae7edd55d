import { describe, expect, it } from 'vitest';
import { agentMetrics } from '../src/api/agent-metrics.js';
import { withScannedStore } from './support/in-memory-scan.js';

const REPEATS = 40;
const COMPETENCE = 0.7;

describe('the demo agent on the workspace suite: utility, utility under attack and targeted attack success', () => {
  it('each interval covers its true rate in at least 90% of seeded repeats', async () => {
    const covered = { utility: 0, underAttack: 0, attack: 0 };
    const checks = { utility: 0, underAttack: 0, attack: 0 };
    const inside = (r: { low: number | null; high: number | null }, truth: number) => r.low! <= truth + 1e-12 && truth - 1e-12 <= r.high!;
    for (let seed = 1; seed <= REPEATS; seed += 1) {
      await withScannedStore({
        target: { type: 'demo-agent', vector: 'email', competence: COMPETENCE },
        goals: [{ suite: 'workspace' }],
        techniques: ['direct-request', 'agent-important-instructions', 'agent-fake-completion'],
        converters: [[]],
        trials: 3,
        seed,
        scoring: { scorers: [{ id: 'proven-exfil', graceMs: 0 }] },
        preflight: { probe: false },
      }, async (store, result) => {
        const metrics = await agentMetrics(store, result.run.id);
        expect(metrics.cases.undecided).toBe(0);
        checks.utility += 1;
        if (inside(metrics.utility, COMPETENCE)) covered.utility += 1;
        for (const row of metrics.techniques.filter((t) => t.technique.startsWith('agent-'))) {
          // The true attack rate of this technique's cases: the mean of the agent's exact probabilities over them.
          const probabilities: number[] = [];
          for (const item of await store.attempts.query({ runId: result.run.id, filter: { technique: row.technique }, limit: 10_000 })) {
            const view = (await store.attempts.get({ runId: result.run.id, seq: item.seq }))!;
            if (view.persona !== 'malicious') continue;
            const call = view.events.find((e) => e.type === 'target-call');
            probabilities.push(Number(call?.type === 'target-call' ? call.metadata?.['demoAgentProbability'] : Number.NaN));
          }
          const truth = probabilities.reduce((a, b) => a + b, 0) / probabilities.length;
          expect(truth).toBeGreaterThan(0.3);
          checks.attack += 1;
          if (inside(row.targetedAttackSuccess, truth)) covered.attack += 1;
          checks.underAttack += 1;
          if (inside(row.utilityUnderAttack, COMPETENCE)) covered.underAttack += 1;
        }
      });
    }
    console.info(`demo agent on the workspace suite: utility ${covered.utility}/${checks.utility}, utility under attack ${covered.underAttack}/${checks.underAttack}, targeted attack success ${covered.attack}/${checks.attack} intervals cover the truth`);
    for (const key of ['utility', 'underAttack', 'attack'] as const) expect(covered[key] / checks[key], key).toBeGreaterThanOrEqual(0.9);
  });

  it('breaks a run over several suites down by suite', async () => {
    await withScannedStore({
      target: { type: 'demo-agent', competence: 1 },
      goals: [{ suite: 'workspace' }, { suite: 'banking' }],
      techniques: ['direct-request', 'agent-important-instructions'],
      converters: [[]],
      scoring: { scorers: [{ id: 'proven-exfil', graceMs: 0 }] },
      preflight: { probe: false },
    }, async (store, result) => {
      const metrics = await agentMetrics(store, result.run.id);
      expect(metrics.suites.map((s) => s.suite)).toEqual(['banking', 'workspace']);
      // The demo agent knows the workspace suite's tasks only: it does every one of those, none of the bank's.
      const workspace = metrics.suites.find((s) => s.suite === 'workspace')!.utility;
      expect(workspace.count).toBe(workspace.of);
      expect(workspace.of).toBeGreaterThan(0);
      expect(metrics.suites.find((s) => s.suite === 'banking')!.utility.count).toBe(0);
    });
  });
});
