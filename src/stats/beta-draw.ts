// Gamma variates: G. Marsaglia & W. W. Tsang (2000), "A simple method for generating gamma variables",
// ACM TOMS 26(3):363–372; shape < 1 by the boost U^(1/shape) (their §6).
import type { Random } from '../core/random.js';

/** A standard normal draw (Box–Muller), from two uniforms. */
function normal(random: Random): number {
  return Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** One Gamma(shape, 1) draw, shape > 0. */
export function gammaDraw(shape: number, random: Random): number {
  if (shape < 1) return gammaDraw(shape + 1, random) * Math.pow(1 - random(), 1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = 1 - random();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** One Beta(a, b) draw, a, b > 0, as a ratio of gamma draws. */
export function betaDraw(a: number, b: number, random: Random): number {
  const x = gammaDraw(a, random);
  return x / (x + gammaDraw(b, random));
}
