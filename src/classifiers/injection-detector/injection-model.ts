import { INJECTION_BUCKETS, injectionFeatures, tokenWindows, type InjectionFeatures, type TokenWindow } from './injection-features.js';

/** A linear injection model over the hashed features and pattern signals (see injection-features.ts). */
export type InjectionModel = {
  /** One weight per hashed bucket (INJECTION_BUCKETS of them). */
  readonly weights: ArrayLike<number>;
  /** One weight per rule-based injection pattern. */
  readonly patterns: readonly number[];
  /** Intercept. */
  readonly bias: number;
};

/** The highest-scoring window of an input and the model's probability that it holds an injection. */
export type InjectionScore = {
  /** Probability in [0, 1] for the highest-scoring window. */
  readonly probability: number;
  /** That window, as character offsets into the input; undefined for an input with no tokens. */
  readonly span?: { readonly start: number; readonly end: number };
};

/** The logistic function. */
export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/**
 * The model's log-odds for one window: bias, the bucket weights summed and divided by the square root of their count
 * (so long and short windows are on one scale), and the weight of each pattern that matched inside the window.
 */
export function windowLogit(model: InjectionModel, features: InjectionFeatures, window: TokenWindow): number {
  let sum = 0;
  let count = 0;
  for (let t = window.start; t < window.end; t += 1) {
    for (const b of features.tokens[t]?.buckets ?? []) sum += model.weights[b] ?? 0;
    count += features.tokens[t]?.buckets.length ?? 0;
  }
  let z = model.bias + (count === 0 ? 0 : sum / Math.sqrt(count));
  features.patternHits.forEach((hits, p) => {
    if (hits.some((t) => t >= window.start && t < window.end)) z += model.patterns[p] ?? 0;
  });
  return z;
}

/** Scores every window of an input and keeps the highest: one planted sentence in a long document is enough. */
export function scoreInjection(model: InjectionModel, text: string): InjectionScore {
  const features = injectionFeatures(text);
  if (features.tokens.length === 0) return { probability: sigmoid(model.bias) };
  let best = -Infinity;
  let bestWindow: TokenWindow = { start: 0, end: 0 };
  for (const window of tokenWindows(features.tokens.length)) {
    const z = windowLogit(model, features, window);
    if (z > best) [best, bestWindow] = [z, window];
  }
  const start = features.tokens[bestWindow.start]?.start ?? 0;
  const end = features.tokens[bestWindow.end - 1]?.end ?? text.length;
  return { probability: sigmoid(best), span: { start, end } };
}

/** The committed form of a model: bucket weights quantised to int8 (base64), so the weight file stays small. */
export type PackedInjectionModel = {
  /** Bucket count the weights were trained with. */
  readonly buckets: number;
  /** Weight of one int8 step. */
  readonly scale: number;
  /** The bucket weights as int8 values, base64-encoded. */
  readonly weights: string;
  /** Pattern weights. */
  readonly patterns: readonly number[];
  /** Intercept. */
  readonly bias: number;
};

const round = (v: number): number => Number(v.toPrecision(6));

/** Packs a model for committing: int8 bucket weights (a weight under half a step becomes 0), six significant digits elsewhere. */
export function packInjectionModel(model: InjectionModel): PackedInjectionModel {
  let largest = 0;
  for (let b = 0; b < model.weights.length; b += 1) largest = Math.max(largest, Math.abs(model.weights[b] ?? 0));
  const scale = round(largest / 127 || 1);
  const steps = Int8Array.from({ length: model.weights.length }, (_, b) => Math.max(-127, Math.min(127, Math.round((model.weights[b] ?? 0) / scale))));
  return { buckets: model.weights.length, scale, weights: Buffer.from(steps.buffer).toString('base64'), patterns: model.patterns.map(round), bias: round(model.bias) };
}

/** Unpacks a committed model; the bucket count must match the features'. */
export function unpackInjectionModel(packed: PackedInjectionModel): InjectionModel {
  if (packed.buckets !== INJECTION_BUCKETS) throw new Error(`injection weights have ${packed.buckets} buckets, the features ${INJECTION_BUCKETS}`);
  const bytes = Buffer.from(packed.weights, 'base64');
  const steps = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.length);
  return { weights: Float32Array.from(steps, (q) => q * packed.scale), patterns: packed.patterns, bias: packed.bias };
}
