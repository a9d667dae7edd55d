// MOVER: Zou, G. Y. & Donner, A. (2008), "Construction of confidence limits about effect measures: a general
// approach", Statistics in Medicine 27: 1693–1702 (Wilson limits of two correlated proportions combined).
// Design effect for cluster sampling: Donner, A. & Klar, N. (2000), "Design and Analysis of Cluster Randomization
// Trials in Health Research", ch. 5 (variance inflation by the ratio of cluster-robust to simple variance).
import { mcNemarExact, type McNemarResult } from './mcnemar.js';
import { wilsonInterval, Z_95 } from './wilson.js';

/** One paired observation: the same plan position under configuration A and under configuration B. */
export type PairedOutcome = {
  /** The cluster the position belongs to (its goal): positions of one goal are not independent. */
  readonly cluster: string;
  /** Success under A. */
  readonly a: boolean;
  /** Success under B. */
  readonly b: boolean;
};

/** The difference of two rates measured on the same positions, with its interval. */
export type PairedDifference = {
  /** Positions compared. */
  readonly pairs: number;
  /** Rate under A minus rate under B; null with no pairs. */
  readonly difference: number | null;
  /** 95% interval of the difference, widened for clustering; null with no pairs. */
  readonly low: number | null;
  /** Upper end. */
  readonly high: number | null;
  /** Clusters (goals) the pairs fall in. */
  readonly clusters: number;
  /**
   * The variance inflation applied: cluster-robust over simple variance of the difference, never below 1 (1 when
   * fewer than two clusters differ, or no pair is discordant).
   */
  readonly designEffect: number;
  /** Exact McNemar test over the discordant pairs (success under A → failure under B counts as `successToFailure`). */
  readonly mcNemar: McNemarResult;
};

/**
 * A − B over paired binary outcomes. Only the discordant pairs move the difference: it is p₁ − p₂ with p₁ the share of
 * pairs that succeeded under A alone and p₂ under B alone, two cells of one multinomial. Each gets its Wilson
 * interval, and the two are combined by MOVER (Zou & Donner, 2008), with the cells' negative correlation — so the
 * interval keeps a non-zero width when no pair is discordant (a filter that stopped no success in this sample may
 * still stop some). Each side is then widened by √(design effect), the ratio of the goal-clustered (sandwich)
 * variance of the difference to its simple paired variance, and by Student's t over z with one fewer degree of
 * freedom than goals: attempts of one goal succeed or fail together, and few goals are little evidence.
 */
export function pairedDifference(outcomes: readonly PairedOutcome[]): PairedDifference {
  const n = outcomes.length;
  let onlyA = 0;
  let onlyB = 0;
  const perCluster = new Map<string, { d: number; n: number }>();
  for (const o of outcomes) {
    if (o.a && !o.b) onlyA += 1;
    else if (o.b && !o.a) onlyB += 1;
    const c = perCluster.get(o.cluster) ?? { d: 0, n: 0 };
    c.d += Number(o.a) - Number(o.b);
    c.n += 1;
    perCluster.set(o.cluster, c);
  }
  const mcNemar = mcNemarExact({ successToFailure: onlyA, failureToSuccess: onlyB });
  if (n === 0) return { pairs: 0, difference: null, low: null, high: null, clusters: 0, designEffect: 1, mcNemar };
  const p1 = onlyA / n;
  const p2 = onlyB / n;
  const difference = p1 - p2;
  const w1 = wilsonInterval(onlyA, n, Z_95);
  const w2 = wilsonInterval(onlyB, n, Z_95);
  // Two cells of one multinomial: corr = −√(p₁p₂ / ((1 − p₁)(1 − p₂))).
  const rho = p1 >= 1 || p2 >= 1 ? 0 : -Math.sqrt((p1 * p2) / ((1 - p1) * (1 - p2)));
  const lowerSide = Math.sqrt(Math.max(0, (p1 - w1.low) ** 2 + (w2.high - p2) ** 2 - 2 * rho * (p1 - w1.low) * (w2.high - p2)));
  const upperSide = Math.sqrt(Math.max(0, (w1.high - p1) ** 2 + (p2 - w2.low) ** 2 - 2 * rho * (w1.high - p1) * (p2 - w2.low)));
  const clusters = [...perCluster.values()];
  const designEffect = clusterDesignEffect(clusters, { n, difference, discordant: onlyA + onlyB });
  const widen = Math.sqrt(designEffect) * (clusters.length > 1 ? studentT975(clusters.length - 1) / Z_95 : 1);
  return {
    pairs: n, difference, clusters: clusters.length, designEffect, mcNemar,
    low: Math.max(-1, difference - lowerSide * widen),
    high: Math.min(1, difference + upperSide * widen),
  };
}

/** The 0.975 quantile of Student's t with `df` degrees of freedom (Cornish–Fisher expansion; within 0.3% for df ≥ 3). */
export function studentT975(df: number): number {
  if (df < 1) throw new RangeError(`df must be at least 1, got ${df}`);
  if (df === 1) return 12.706204736174698;
  if (df === 2) return 4.302652729749464;
  const z = Z_95;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df ** 2) + (3 * z ** 7 + 19 * z ** 5 + 17 * z ** 3 - 15 * z) / (384 * df ** 3);
}

/** Cluster-robust over simple variance of a paired difference, at least 1. */
function clusterDesignEffect(clusters: readonly { d: number; n: number }[], input: { n: number; difference: number; discordant: number }): number {
  const { n, difference, discordant } = input;
  const g = clusters.length;
  if (g < 2 || discordant === 0) return 1;
  // Simple paired variance of the mean difference: Var(a − b) / n, with Var over positions.
  const simple = (discordant / n - difference * difference) / n;
  if (!(simple > 0)) return 1;
  // Sandwich variance with goals as the units, small-sample factor g / (g − 1).
  let sum = 0;
  for (const c of clusters) sum += (c.d - difference * c.n) ** 2;
  const robust = (g / (g - 1)) * sum / (n * n);
  return Math.max(1, robust / simple);
}
