import type { StoredRun } from '../core/run.js';
import type { RunStore } from '../core/run-store.js';
import { summarizeEvasion, type EvasionAttackSummary, type EvasionRecord } from '../stats/evasion-summary.js';
import { summarizeExtraction, summarizeMembership, type ExtractionRow, type MembershipRow, type MlRecord } from '../stats/extraction-membership-summary.js';

export { queriesForShare } from '../stats/evasion-summary.js';

/** An ML run's figures: per attack, success with its interval, queries, perturbation sizes, curves and classes. */
export type MlRunSummary = {
  /** Run id. */
  readonly runId: string;
  /** The classifier attacked. */
  readonly targetId: string;
  /** True for a demo victim. */
  readonly simulated: boolean;
  /** Queries spent screening samples (not part of any attack's budget), when known. */
  readonly screeningQueries?: number;
  /** Per evasion attack. */
  readonly attacks: readonly EvasionAttackSummary[];
  /** Per extraction copy (mode × budget). */
  readonly extraction: readonly ExtractionRow[];
  /** Per membership attack. */
  readonly membership: readonly MembershipRow[];
  /** Samples and attacks left out, and why. */
  readonly skipped: readonly { readonly kind: string; readonly reason: string }[];
};

/** Reads an ML run's attempts back from the store and summarises them. */
export async function summarizeMlRun(store: RunStore, run: StoredRun, extra: { readonly screeningQueries?: number } = {}): Promise<MlRunSummary> {
  const records: EvasionRecord[] = [];
  const others: MlRecord[] = [];
  for (let after = -1; ; ) {
    const page = await store.attempts.page({ runId: run.id, afterSeq: after, limit: 500 });
    if (page.length === 0) break;
    for (const view of page) {
      const measures = view.events.find((e) => e.type === 'ml');
      if (measures === undefined) continue;
      if (measures.kind === 'evasion') records.push({ attack: view.technique, budget: measures.budget ?? measures.queries, outcome: view.outcome, measures });
      else others.push({ technique: view.technique, outcome: view.outcome, measures });
    }
    after = page[page.length - 1]!.seq;
  }
  return {
    runId: run.id, targetId: run.targetId, simulated: run.simulated, ...extra,
    attacks: summarizeEvasion(records), extraction: summarizeExtraction(others), membership: summarizeMembership(others), skipped: (run.preflight?.entries ?? []).map((e) => ({ kind: e.kind, reason: e.reason })),
  };
}
