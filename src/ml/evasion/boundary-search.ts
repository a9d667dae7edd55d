import type { MlInput, Oracle, TensorSpec } from '../../core/ml.js';
import { clip, lerp, normalVector, l2 } from '../vector.js';
import type { Random } from '../../core/random.js';

/** Is this input classified away from the original label? One query each. */
export async function adversarialFlags(oracle: Oracle, inputs: readonly Float32Array[], original: number): Promise<boolean[]> {
  if (inputs.length === 0) return [];
  const predictions = await oracle.query(inputs as readonly MlInput[]);
  return predictions.map((p) => p.label !== original);
}

/**
 * Binary search on the segment from the original x (not adversarial) to an adversarial point, to within `tolerance`
 * of the blend factor: returns the adversarial point closest to x found.
 */
export async function boundaryBetween(options: {
  readonly oracle: Oracle;
  readonly original: Float32Array;
  readonly adversarial: Float32Array;
  readonly label: number;
  readonly tolerance: number;
}): Promise<Float32Array> {
  let low = 0;
  let high = 1;
  while (high - low > options.tolerance) {
    const mid = (low + high) / 2;
    const [flag] = await adversarialFlags(options.oracle, [lerp(options.original, options.adversarial, mid)], options.label);
    if (flag) high = mid;
    else low = mid;
  }
  return lerp(options.original, options.adversarial, high);
}

/** A random starting point the victim labels differently: uniform noise in range, then noise blended in (at most `tries` queries). */
export async function randomAdversarial(options: {
  readonly oracle: Oracle;
  readonly original: Float32Array;
  readonly label: number;
  readonly input: TensorSpec;
  readonly random: Random;
  readonly tries?: number;
}): Promise<Float32Array | undefined> {
  const { min, max } = options.input;
  const tries = options.tries ?? 100;
  for (let i = 0; i < tries; i += 1) {
    const candidate = new Float32Array(options.original.length);
    for (let j = 0; j < candidate.length; j += 1) candidate[j] = min + (max - min) * options.random();
    const [flag] = await adversarialFlags(options.oracle, [candidate], options.label);
    if (flag) return candidate;
  }
  // Some victims label all noise as the original class: Gaussian noise around x, growing.
  for (let scale = 0.1; scale <= 2; scale *= 1.5) {
    const noise = normalVector(options.original.length, options.random);
    const candidate = clip(options.original.map((v, j) => v + scale * (max - min) * noise[j]!), min, max);
    const [flag] = await adversarialFlags(options.oracle, [candidate], options.label);
    if (flag) return candidate;
  }
  return undefined;
}

/** Euclidean distance, for progress points. */
export const distanceL2 = (a: Float32Array, b: Float32Array): number => l2(a, b);
