import type { MlMeasures } from '../core/ml.js';
import type { Outcome } from '../core/outcome.js';
import { wilsonInterval, type Interval } from './wilson.js';

/** One stored evasion attempt, as the summary reads it. */
export type EvasionRecord = {
  /** The attack instance, e.g. 'hop-skip-jump'. */
  readonly attack: string;
  /** Queries it could spend. */
  readonly budget: number;
  /** The attempt's outcome. */
  readonly outcome: Outcome;
  /** What it measured. */
  readonly measures: MlMeasures;
};

/** Success and distance after so many queries: the success-versus-queries curve. */
export type QueryCheckpoint = {
  /** Queries spent at most. */
  readonly queries: number;
  /** Share of decided attempts with an adversarial input within the bound by then. */
  readonly success: Interval & { readonly successes: number; readonly n: number };
  /** Median best distance by then over decided attempts (Infinity while half have none). */
  readonly medianDistance: number;
};

/** One attack's figures over the samples it was run on. */
export type EvasionAttackSummary = {
  /** The attack instance. */
  readonly attack: string;
  /** Its norm and success bound. */
  readonly bound?: MlMeasures['bound'];
  /** Queries per sample allowed. */
  readonly budget: number;
  /** Attempts recorded. */
  readonly attempts: number;
  /** Attempts that ended in error (the target failed). */
  readonly errors: number;
  /** Success rate over decided attempts, with its 95 % Wilson interval. */
  readonly success: Interval & { readonly successes: number; readonly n: number };
  /** Median queries the successful attempts needed to first reach the bound (what a label-only and a score-based attack compare on). */
  readonly medianQueries: number;
  /** Each success's queries to first reach the bound, ascending: queries for any share of samples evaded. */
  readonly queriesToBound: readonly number[];
  /** Median perturbation sizes of the successful attempts. */
  readonly median: { readonly l0: number; readonly l2?: number; readonly linf?: number; readonly words?: number };
  /** Success and median distance at 10 %, 20 %, 50 % and 100 % of the budget. */
  readonly curve: readonly QueryCheckpoint[];
  /** Success by true class. */
  readonly byClass: readonly { readonly label: string; readonly successes: number; readonly n: number }[];
};

function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Best distance an attempt had reached within `queries` (Infinity when none yet). */
function distanceBy(measures: MlMeasures, queries: number): number {
  let best = Infinity;
  for (const point of measures.progress ?? []) if (point.queries <= queries) best = Math.min(best, point.distance);
  return best;
}

/** Queries an attempt needed to first hold an adversarial input within `epsilon` (all it spent when its progress does not say). */
function queriesToBound(measures: MlMeasures, epsilon: number): number {
  const first = (measures.progress ?? []).find((p) => p.distance <= epsilon * (1 + 1e-6));
  return first === undefined ? measures.queries : first.queries;
}

const rate = (successes: number, n: number) => ({ ...wilsonInterval(successes, n), successes, n });

/**
 * Per attack: success rate with its interval, median queries and perturbation sizes of the successes, the
 * success-versus-queries curve and the per-class breakdown. A success counts at a checkpoint once the attempt's
 * best distance was within the bound by then and its final adversarial was confirmed.
 */
export function summarizeEvasion(records: readonly EvasionRecord[]): EvasionAttackSummary[] {
  const byAttack = new Map<string, EvasionRecord[]>();
  for (const record of records) byAttack.set(record.attack, [...(byAttack.get(record.attack) ?? []), record]);
  return [...byAttack].map(([attack, list]) => {
    const decided = list.filter((r) => r.outcome === 'success' || r.outcome === 'failure');
    const wins = decided.filter((r) => r.outcome === 'success');
    const budget = Math.max(...list.map((r) => r.budget));
    const bound = list.find((r) => r.measures.bound)?.measures.bound;
    const epsilon = bound?.epsilon ?? Infinity;
    const curve = [0.1, 0.2, 0.5, 1].map((share) => {
      const queries = Math.round(share * budget);
      const distances = decided.map((r) => distanceBy(r.measures, queries));
      const successes = decided.filter((r, i) => r.outcome === 'success' && distances[i]! <= epsilon * (1 + 1e-6)).length;
      return { queries, success: rate(successes, decided.length), medianDistance: median(distances) };
    });
    const sizes = (key: 'l0' | 'l2' | 'linf' | 'words') => median(wins.flatMap((r) => (r.measures.sizes?.[key] === undefined ? [] : [r.measures.sizes[key]!])));
    const classes = new Map<string, { successes: number; n: number }>();
    for (const r of decided) {
      const label = r.measures.trueLabel ?? '?';
      const cell = classes.get(label) ?? { successes: 0, n: 0 };
      classes.set(label, { successes: cell.successes + (r.outcome === 'success' ? 1 : 0), n: cell.n + 1 });
    }
    const median4 = { l0: sizes('l0'), l2: sizes('l2'), linf: sizes('linf'), words: sizes('words') };
    return {
      attack, ...(bound === undefined ? {} : { bound }), budget, attempts: list.length, errors: list.filter((r) => r.outcome === 'error').length,
      success: rate(wins.length, decided.length), medianQueries: median(wins.map((r) => queriesToBound(r.measures, epsilon))),
      queriesToBound: wins.map((r) => queriesToBound(r.measures, epsilon)).sort((a, b) => a - b),
      median: Object.fromEntries(Object.entries(median4).filter(([, v]) => !Number.isNaN(v))) as EvasionAttackSummary['median'] & { l0: number },
      curve, byClass: [...classes].sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true })).map(([label, c]) => ({ label, ...c })),
    };
  });
}

/** Queries after which `share` of the decided samples were evaded within the bound; undefined when the attack never got there. */
export function queriesForShare(summary: EvasionAttackSummary, share: number): number | undefined {
  // A share computed as k/n must not round up past k (0.57 · 100 is 57.000000000000007).
  const needed = Math.ceil(share * summary.success.n - 1e-9);
  if (needed === 0) return 0;
  return summary.queriesToBound[needed - 1];
}
