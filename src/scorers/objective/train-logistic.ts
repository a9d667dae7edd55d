import { sigmoid } from './logistic-model.js';

/** One training example: a feature vector and its 0/1 label. */
export type TrainingExample = {
  /** Feature values. */
  readonly x: readonly number[];
  /** 1 for the positive class. */
  readonly y: 0 | 1;
  /** How much the example counts (default 1): e.g. 1 / rows of its source, so each source weighs the same. */
  readonly weight?: number;
};

/** How to fit: L2 strength (on standardised features), steps and step size of full-batch gradient descent. */
export type TrainingOptions = {
  /** L2 penalty per example on standardised weights; the bias is not penalised. */
  readonly l2: number;
  /** Gradient-descent iterations. */
  readonly iterations: number;
  /** Step size. */
  readonly learningRate: number;
};

/** Default fit: enough iterations for the small feature sets used here to converge. */
export const DEFAULT_TRAINING: TrainingOptions = { l2: 0.01, iterations: 4000, learningRate: 0.5 };

/** Mean and spread of each column; a constant column gets spread 1 so it stays inert. */
function columnScales(rows: readonly (readonly number[])[]): { mean: number[]; spread: number[] } {
  const width = rows[0]?.length ?? 0;
  const mean = Array.from({ length: width }, (_, j) => rows.reduce((s, r) => s + (r[j] ?? 0), 0) / rows.length);
  const spread = mean.map((m, j) => Math.sqrt(rows.reduce((s, r) => s + ((r[j] ?? 0) - m) ** 2, 0) / rows.length) || 1);
  return { mean, spread };
}

/** A fitted model: weights and bias on the raw feature scale, plus what the fit saw. */
export type FittedLogistic = {
  /** Weights on raw features. */
  readonly weights: number[];
  /** Intercept on raw features. */
  readonly bias: number;
  /** Weights on standardised features: comparable with one another, for reports. */
  readonly standardized: number[];
  /** Mean of each feature over the training examples. */
  readonly means: number[];
};

/**
 * Fits L2-regularised logistic regression by full-batch gradient descent on standardised features, starting from
 * zero (so the result is deterministic), and returns weights and bias on the raw feature scale.
 */
export function trainLogistic(examples: readonly TrainingExample[], options: TrainingOptions = DEFAULT_TRAINING): FittedLogistic {
  const { mean, spread } = columnScales(examples.map((e) => e.x));
  const xs = examples.map((e) => e.x.map((v, j) => (v - (mean[j] ?? 0)) / (spread[j] ?? 1)));
  const w = new Array<number>(mean.length).fill(0);
  let b = 0;
  // Weights are normalised to average 1, so the L2 strength means the same with or without them.
  const total = examples.reduce((sum, e) => sum + (e.weight ?? 1), 0);
  const share = examples.map((e) => ((e.weight ?? 1) * examples.length) / total / xs.length);
  for (let step = 0; step < options.iterations; step += 1) {
    const grad = w.map((wj) => options.l2 * wj);
    let gradB = 0;
    xs.forEach((x, i) => {
      const error = (sigmoid(x.reduce((z, v, j) => z + v * (w[j] ?? 0), b)) - (examples[i]?.y ?? 0)) * (share[i] ?? 0);
      x.forEach((v, j) => (grad[j] = (grad[j] ?? 0) + error * v));
      gradB += error;
    });
    grad.forEach((g, j) => (w[j] = (w[j] ?? 0) - options.learningRate * g));
    b -= options.learningRate * gradB;
  }
  // Folds standardisation back in: w·(x − m)/s + b = (w/s)·x + (b − Σ w m / s).
  const weights = w.map((wj, j) => wj / (spread[j] ?? 1));
  const bias = b - w.reduce((s, wj, j) => s + (wj * (mean[j] ?? 0)) / (spread[j] ?? 1), 0);
  return { weights, bias, standardized: w, means: mean };
}
