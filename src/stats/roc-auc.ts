// ROC AUC as the Mann–Whitney statistic, with DeLong's variance: DeLong, DeLong & Clarke-Pearson (1988), Biometrics 44(3).
import { Z_95 } from './wilson.js';

/** An AUC with its 95 % interval (DeLong), and the true-positive rate at low false-positive rates. */
export type AucEstimate = {
  /** P(score of a random positive > score of a random negative), ties counting one half. */
  readonly auc: number;
  /** Lower end of the 95 % interval. */
  readonly low: number;
  /** Upper end. */
  readonly high: number;
  /** Positives (members). */
  readonly positives: number;
  /** Negatives (non-members). */
  readonly negatives: number;
};

const kernel = (x: number, y: number): number => (x > y ? 1 : x === y ? 0.5 : 0);

/**
 * AUC of scores that should rank positives above negatives, with DeLong's variance (structural components), so the
 * interval accounts for both samples' sizes; clipped to [0, 1]. Throws when a class is empty.
 */
export function rocAuc(positives: readonly number[], negatives: readonly number[], z: number = Z_95): AucEstimate {
  const m = positives.length;
  const n = negatives.length;
  if (m === 0 || n === 0) throw new RangeError(`an AUC needs both classes (got ${m} positives, ${n} negatives)`);
  const v10 = positives.map((x) => negatives.reduce((sum, y) => sum + kernel(x, y), 0) / n);
  const v01 = negatives.map((y) => positives.reduce((sum, x) => sum + kernel(x, y), 0) / m);
  const auc = v10.reduce((a, b) => a + b, 0) / m;
  const variance = (values: number[]) => (values.length < 2 ? 0 : values.reduce((s, v) => s + (v - auc) ** 2, 0) / (values.length - 1));
  const se = Math.sqrt(variance(v10) / m + variance(v01) / n);
  return { auc, low: Math.max(0, auc - z * se), high: Math.min(1, auc + z * se), positives: m, negatives: n };
}

/**
 * The share of positives scored strictly above every negative but the top `fpr` share: the TPR at that FPR
 * (Carlini et al., "Membership Inference Attacks From First Principles", 2022, argue for it over AUC). With fewer than
 * 1/fpr negatives the threshold is the largest negative score (an FPR of 0 measured).
 */
export function tprAtFpr(positives: readonly number[], negatives: readonly number[], fpr: number): number {
  if (positives.length === 0 || negatives.length === 0) return Number.NaN;
  const sorted = [...negatives].sort((a, b) => b - a);
  const allowed = Math.floor(fpr * sorted.length);
  const threshold = sorted[Math.min(allowed, sorted.length - 1)]!;
  return positives.filter((p) => p > threshold).length / positives.length;
}
