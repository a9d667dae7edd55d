import { seededRandom } from '../core/random.js';

/** One cluster's decided attempts: a goal, under whatever techniques and chains the pooled row covers. */
export type ClusterCounts = { readonly success: number; readonly failure: number };

/** A pooled rate's 95% interval that treats goals, not attempts, as the independent units. */
export type GoalClusteredInterval = {
  /** Lower end (2.5th percentile of the resampled pooled rates). */
  readonly low: number;
  /** Upper end (97.5th percentile). */
  readonly high: number;
  /** Goals with a decided attempt: the clusters resampled. */
  readonly goals: number;
  /** How it was computed. */
  readonly method: 'goal-cluster-bootstrap';
};

/** Resamples per interval; 2,000 gives percentile ends stable to about ±0.005 for typical rows. */
export const CLUSTER_RESAMPLES = 2000;

/**
 * Percentile bootstrap over goals for a pooled rate (successes / decided summed over goals): each resample draws the
 * goals with replacement, so variation between goals widens the interval, which pooled Wilson treats as iid trials.
 * Null with fewer than two goals decided (no between-goal variation can be seen). Deterministic in `seed`.
 */
export function goalClusteredInterval(input: { readonly clusters: readonly ClusterCounts[]; readonly seed: number; readonly resamples?: number }): GoalClusteredInterval | null {
  const units = input.clusters.filter((c) => c.success + c.failure > 0);
  if (units.length < 2) return null;
  const successes = Float64Array.from(units, (c) => c.success);
  const decided = Float64Array.from(units, (c) => c.success + c.failure);
  const random = seededRandom(input.seed);
  const resamples = input.resamples ?? CLUSTER_RESAMPLES;
  const rates = new Float64Array(resamples);
  const n = units.length;
  for (let b = 0; b < resamples; b += 1) {
    let s = 0;
    let d = 0;
    for (let i = 0; i < n; i += 1) {
      const pick = Math.floor(random() * n);
      s += successes[pick]!;
      d += decided[pick]!;
    }
    rates[b] = s / d;
  }
  rates.sort();
  const at = (q: number): number => rates[Math.min(resamples - 1, Math.max(0, Math.round(q * (resamples - 1))))]!;
  return { low: at(0.025), high: at(0.975), goals: n, method: 'goal-cluster-bootstrap' };
}
