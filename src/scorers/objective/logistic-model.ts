/** A trained logistic model over named features, with the decision threshold chosen for it. */
export type LogisticModel = {
  /** Feature names, in the order of `weights`. */
  readonly features: readonly string[];
  /** One weight per feature, on the features' raw scale. */
  readonly weights: readonly number[];
  /** The intercept. */
  readonly bias: number;
  /** Probability at or above which the verdict is positive. */
  readonly threshold: number;
};

/** The logistic function, written to stay finite for large |z|. */
export function sigmoid(z: number): number {
  return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
}

/** The model's probability for one feature vector (in `model.features` order). */
export function logisticProbability(model: Pick<LogisticModel, 'weights' | 'bias'>, vector: readonly number[]): number {
  let z = model.bias;
  model.weights.forEach((weight, at) => {
    z += weight * (vector[at] ?? 0);
  });
  return sigmoid(z);
}
