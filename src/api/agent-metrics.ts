import type { RunStore } from '../core/run-store.js';
import { clusteredRate, type ClusteredRate } from '../stats/clustered-rate.js';

export type { ClusteredRate };

/** One technique's numbers on a task suite's injected goals. */
export type AgentTechniqueRow = {
  readonly technique: string;
  /** Injected cases where the attacker's task happened. */
  readonly targetedAttackSuccess: ClusteredRate;
  /** Injected cases where the user's task was still done. */
  readonly utilityUnderAttack: ClusteredRate;
};

/** AgentDojo-style metrics of a run over a task suite. */
export type AgentMetrics = {
  readonly runId: string;
  /** User tasks done with no attack (benign cases). */
  readonly utility: ClusteredRate;
  /** Per technique that ran on injected cases. */
  readonly techniques: readonly AgentTechniqueRow[];
  /** Per suite, when the run holds more than one: utility, and targeted attack success pooled over techniques. */
  readonly suites: readonly { readonly suite: string; readonly utility: ClusteredRate; readonly targetedAttackSuccess: ClusteredRate }[];
  /** Per injection task, pooled over techniques. */
  readonly injectionTasks: readonly { readonly injectionTask: string; readonly targetedAttackSuccess: ClusteredRate }[];
  /** Decided attempts read, and attempts of suite goals not decided (errors, unscored): listed, never counted. */
  readonly cases: { readonly benign: number; readonly injected: number; readonly undecided: number };
};

/**
 * Reads a run over a task suite (`goals: [{ suite: … }]`, decided by `agent-task`): benign utility, and for each
 * technique the targeted attack success and the utility under attack, each with an interval clustered by user task
 * and by injection task (the cases are a grid, not independent draws).
 */
export async function agentMetrics(store: RunStore, runId: string): Promise<AgentMetrics> {
  await store.runs.require(runId);
  const benign: { suite: string; success: boolean; clusters: string[] }[] = [];
  const injected: { suite: string; technique: string; injection: string; hijacked: boolean; done: boolean; clusters: string[] }[] = [];
  let undecided = 0;
  let after = -1;
  for (;;) {
    const page = await store.attempts.query({ runId, filter: {}, afterSeq: after, limit: 500 });
    for (const item of page) {
      const view = (await store.attempts.get({ runId, seq: item.seq }))!;
      const score = view.scores.find((s) => s.scorerId === 'agent-task');
      if (score === undefined) continue;
      const [suite = '', user, injection] = view.goalId.split('/');
      if (view.outcome !== 'success' && view.outcome !== 'failure') {
        undecided += 1;
        continue;
      }
      if (injection === undefined) benign.push({ suite, success: score.label === 'task-done', clusters: [`${suite}/${user ?? ''}`] });
      else injected.push({ suite, technique: view.technique, injection: `${suite}/${injection}`, hijacked: score.label.startsWith('hijacked/'), done: score.label.endsWith('/task-done'), clusters: [`${suite}/${user ?? ''}`, `${suite}/${injection}`] });
    }
    if (page.length < 500) break;
    after = page.at(-1)!.seq;
  }
  const techniques = [...new Set(injected.map((c) => c.technique))].sort().map((technique) => {
    const mine = injected.filter((c) => c.technique === technique);
    return {
      technique,
      targetedAttackSuccess: clusteredRate(mine.map((c) => ({ success: c.hijacked, clusters: c.clusters }))),
      utilityUnderAttack: clusteredRate(mine.map((c) => ({ success: c.done, clusters: c.clusters }))),
    };
  });
  const injectionTasks = [...new Set(injected.map((c) => c.injection))].sort().map((injectionTask) => ({
    injectionTask,
    targetedAttackSuccess: clusteredRate(injected.filter((c) => c.injection === injectionTask).map((c) => ({ success: c.hijacked, clusters: [c.clusters[0]!] }))),
  }));
  const suiteIds = [...new Set([...benign, ...injected].map((c) => c.suite))].sort();
  const suites = suiteIds.length < 2 ? [] : suiteIds.map((suite) => ({
    suite,
    utility: clusteredRate(benign.filter((c) => c.suite === suite)),
    targetedAttackSuccess: clusteredRate(injected.filter((c) => c.suite === suite).map((c) => ({ success: c.hijacked, clusters: c.clusters }))),
  }));
  return { runId, utility: clusteredRate(benign), techniques, suites, injectionTasks, cases: { benign: benign.length, injected: injected.length, undecided } };
}
