import type { Random } from '../core/random.js';

/** Euclidean norm of a - b (of a alone when b is omitted). */
export function l2(a: Float32Array, b?: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) {
    const d = a[i]! - (b ? b[i]! : 0);
    sum += d * d;
  }
  return Math.sqrt(sum);
}

/** Largest absolute coordinate of a - b. */
export function linf(a: Float32Array, b: Float32Array): number {
  let max = 0;
  for (let i = 0; i < a.length; i += 1) max = Math.max(max, Math.abs(a[i]! - b[i]!));
  return max;
}

/** Coordinates where a and b differ by more than `tolerance`. */
export function l0(a: Float32Array, b: Float32Array, tolerance = 1e-6): number {
  let count = 0;
  for (let i = 0; i < a.length; i += 1) if (Math.abs(a[i]! - b[i]!) > tolerance) count += 1;
  return count;
}

/** A copy of x with every coordinate clipped to [min, max]. */
export function clip(x: Float32Array, min: number, max: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i += 1) out[i] = Math.min(max, Math.max(min, x[i]!));
  return out;
}

/** (1 - t) a + t b. */
export function lerp(a: Float32Array, b: Float32Array, t: number): Float32Array {
  const out = new Float32Array(a.length);
  for (let i = 0; i < a.length; i += 1) out[i] = (1 - t) * a[i]! + t * b[i]!;
  return out;
}

/** A standard normal draw (Box–Muller). */
export function normal(random: Random): number {
  const u = Math.max(random(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}

/** A vector of standard normal draws (both Box–Muller outputs used: half the logarithms). */
export function normalVector(length: number, random: Random): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i += 2) {
    const radius = Math.sqrt(-2 * Math.log(Math.max(random(), 1e-12)));
    const angle = 2 * Math.PI * random();
    out[i] = radius * Math.cos(angle);
    if (i + 1 < length) out[i + 1] = radius * Math.sin(angle);
  }
  return out;
}

/** clip(x + scale · direction) into [min, max], in one pass. */
export function stepClipped(x: Float32Array, direction: Float32Array, options: { readonly scale: number; readonly min: number; readonly max: number }): Float32Array {
  const out = new Float32Array(x.length);
  const { scale, min, max } = options;
  for (let i = 0; i < x.length; i += 1) {
    const v = x[i]! + scale * direction[i]!;
    out[i] = v < min ? min : v > max ? max : v;
  }
  return out;
}

/** x scaled to unit Euclidean norm (x itself when it is zero). */
export function unit(x: Float32Array): Float32Array {
  const norm = l2(x);
  if (norm === 0) return x;
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i += 1) out[i] = x[i]! / norm;
  return out;
}

/** Index of the largest value. */
export function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i += 1) if (values[i]! > values[best]!) best = i;
  return best;
}

/** The median of a list (NaN when empty). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Fisher–Yates shuffle of 0..n-1 with a seeded source. */
export function shuffledIndices(n: number, random: Random): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
