import type { MlMeasures } from '../core/ml.js';
import type { Outcome } from '../core/outcome.js';
import { rocAuc, tprAtFpr, type AucEstimate } from './roc-auc.js';
import { wilsonInterval, type Interval } from './wilson.js';

/** One stored extraction or membership attempt, as the summaries read it. */
export type MlRecord = {
  /** The technique instance, e.g. 'copycat(mode=argmax,budget=500)'. */
  readonly technique: string;
  /** The attempt's outcome. */
  readonly outcome: Outcome;
  /** What it measured. */
  readonly measures: MlMeasures;
};

type Rate = Interval & { readonly successes: number; readonly n: number };
const rate = (successes: number, n: number): Rate => ({ ...wilsonInterval(successes, n), successes, n });

/** A copy of the victim trained on a query budget: how often it agrees with the victim, and with the truth. */
export type ExtractionRow = {
  /** Technique instance. */
  readonly technique: string;
  /** 'probabilities' or 'argmax'. */
  readonly mode: string;
  /** Queries it was trained on. */
  readonly budget: number;
  /** Agreement with the victim's labels on held-out samples, with its Wilson interval. */
  readonly fidelity: Rate;
  /** Agreement with the true labels. */
  readonly accuracy: Rate;
  /** The victim's own accuracy on the same samples. */
  readonly victimAccuracy: Rate;
  /** Evaluation attempts that ended in error. */
  readonly errors: number;
};

/** A membership attack's separation of members from non-members, with the baselines beside it. */
export type MembershipRow = {
  /** Technique instance. */
  readonly technique: string;
  /** AUC with its DeLong interval (0.5 is guessing). */
  readonly auc: AucEstimate;
  /** True-positive rate at 1 % and 0.1 % false positives. */
  readonly tprAt: { readonly '1%': number; readonly '0.1%': number };
  /** Accuracy when scores at or above their median are called members (guessing: 50 %). */
  readonly accuracy: Rate;
  /** Baselines: always 'member' (accuracy 50 %, AUC 0.5) and the gap attack (correctly classified ⇒ member). */
  readonly baselines: { readonly trivialAuc: 0.5; readonly trivialAccuracy: 0.5; readonly gapAccuracy: number };
  /** Records that ended in error. */
  readonly errors: number;
};

function grouped(records: readonly MlRecord[], kind: MlMeasures['kind']): Map<string, MlRecord[]> {
  const groups = new Map<string, MlRecord[]>();
  for (const r of records) if (r.measures.kind === kind) groups.set(r.technique, [...(groups.get(r.technique) ?? []), r]);
  return groups;
}

const figure = (r: MlRecord, name: string): number => r.measures.figures?.[name] ?? 0;

/** Fidelity and accuracy of each extraction copy, ordered by mode then budget. */
export function summarizeExtraction(records: readonly MlRecord[]): ExtractionRow[] {
  return [...grouped(records, 'extraction')].map(([technique, list]) => {
    const decided = list.filter((r) => r.outcome === 'success' || r.outcome === 'failure');
    const count = (name: string) => decided.filter((r) => figure(r, name) === 1).length;
    return {
      technique, mode: list[0]!.measures.variant ?? '?', budget: list[0]!.measures.budget ?? 0,
      fidelity: rate(count('agrees'), decided.length), accuracy: rate(count('correct'), decided.length), victimAccuracy: rate(count('victimCorrect'), decided.length),
      errors: list.length - decided.length,
    };
  }).sort((a, b) => a.mode.localeCompare(b.mode) || a.budget - b.budget);
}

/** AUC, TPR at low FPR and accuracy of each membership attack, with the trivial and gap baselines. */
export function summarizeMembership(records: readonly MlRecord[]): MembershipRow[] {
  return [...grouped(records, 'membership')].flatMap(([technique, list]) => {
    const decided = list.filter((r) => r.outcome === 'success' || r.outcome === 'failure');
    const members = decided.filter((r) => figure(r, 'member') === 1);
    const others = decided.filter((r) => figure(r, 'member') === 0);
    if (members.length === 0 || others.length === 0) return [];
    const scores = (rs: MlRecord[]) => rs.map((r) => figure(r, 'score'));
    const correctShare = (rs: MlRecord[]) => rs.filter((r) => figure(r, 'correct') === 1).length / rs.length;
    return [{
      technique, auc: rocAuc(scores(members), scores(others)),
      tprAt: { '1%': tprAtFpr(scores(members), scores(others), 0.01), '0.1%': tprAtFpr(scores(members), scores(others), 0.001) },
      accuracy: rate(decided.filter((r) => r.outcome === 'success').length, decided.length),
      baselines: { trivialAuc: 0.5, trivialAccuracy: 0.5, gapAccuracy: (correctShare(members) + 1 - correctShare(others)) / 2 },
      errors: list.length - decided.length,
    }];
  });
}
