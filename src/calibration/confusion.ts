/** One row's binary prediction beside its human label; `undefined` when the scorer could not tell. */
export type LabeledPrediction = {
  /** What the scorer's reading says: true = positive (e.g. "refused"), undefined = unscored. */
  readonly predicted: boolean | undefined;
  /** The human label: true = positive. */
  readonly actual: boolean;
};

/** Counts of a binary classifier against human labels; unscored rows are counted apart, never as a class. */
export type ConfusionMatrix = {
  /** Predicted positive, labeled positive. */
  readonly truePositive: number;
  /** Predicted positive, labeled negative. */
  readonly falsePositive: number;
  /** Predicted negative, labeled negative. */
  readonly trueNegative: number;
  /** Predicted negative, labeled positive. */
  readonly falseNegative: number;
  /** Rows the scorer could not tell, left out of the four cells above. */
  readonly unscored: number;
};

/** Tallies predictions against labels into a confusion matrix. */
export function countConfusion(pairs: Iterable<LabeledPrediction>): ConfusionMatrix {
  const m = { truePositive: 0, falsePositive: 0, trueNegative: 0, falseNegative: 0, unscored: 0 };
  for (const { predicted, actual } of pairs) {
    if (predicted === undefined) m.unscored += 1;
    else if (predicted) m[actual ? 'truePositive' : 'falsePositive'] += 1;
    else m[actual ? 'falseNegative' : 'trueNegative'] += 1;
  }
  return m;
}
