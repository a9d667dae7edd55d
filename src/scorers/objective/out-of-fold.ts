import { createHash } from 'node:crypto';
import type { ScoredLabel } from './choose-threshold.js';
import { logisticProbability } from './logistic-model.js';
import { DEFAULT_TRAINING, trainLogistic, type TrainingOptions } from './train-logistic.js';

/** One labeled row for cross-validation: its goal (rows of one goal share a fold), features and label. */
export type FoldRow = {
  /** The goal; every row with the same goal lands in the same fold. */
  readonly goal: string;
  /** Feature values. */
  readonly x: readonly number[];
  /** True for the positive class. */
  readonly actual: boolean;
};

/** The fold of a goal among `folds`, from a hash of its trimmed, lower-cased text (salted apart from `splitPart`). */
export function goalFold(goal: string, folds: number): number {
  return createHash('sha256').update(`fold\n${goal.trim().toLowerCase()}`).digest().readUInt32BE(0) % folds;
}

/**
 * Out-of-fold probabilities, in row order: each row is scored by a model fitted on the other folds only, so the
 * scores are as honest as held-out ones while every row is used. Deterministic, like the fit itself.
 */
export function outOfFoldProbabilities(rows: readonly FoldRow[], options: { folds: number; training?: TrainingOptions }): ScoredLabel[] {
  const fold = rows.map((row) => goalFold(row.goal, options.folds));
  const scored: ScoredLabel[] = rows.map((row) => ({ probability: Number.NaN, actual: row.actual }));
  for (let k = 0; k < options.folds; k += 1) {
    const fitting = rows.filter((_, i) => fold[i] !== k).map((row) => ({ x: row.x, y: row.actual ? (1 as const) : (0 as const) }));
    if (fitting.length === 0) continue;
    const model = trainLogistic(fitting, options.training ?? DEFAULT_TRAINING);
    rows.forEach((row, i) => {
      if (fold[i] === k) scored[i] = { probability: logisticProbability(model, row.x), actual: row.actual };
    });
  }
  return scored;
}
