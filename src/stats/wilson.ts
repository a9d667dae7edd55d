// Wilson score interval: E. B. Wilson (1927), "Probable inference, the law of succession, and statistical inference", JASA.

/** z for a two-sided 95% interval: the 0.975 quantile of the standard normal. */
export const Z_95 = 1.959963984540054;

/** A confidence interval for a proportion, both ends in [0, 1]. */
export type Interval = {
  /** Lower end. */
  readonly low: number;
  /** Upper end. */
  readonly high: number;
};

/** Wilson score interval for `successes` out of `n` (95% by default); n = 0 gives the vacuous [0, 1]. */
export function wilsonInterval(successes: number, n: number, z: number = Z_95): Interval {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(successes) || successes < 0 || successes > n) {
    throw new RangeError(`successes must be an integer in [0, ${n}], got ${successes}`);
  }
  if (!(z > 0)) throw new RangeError(`z must be positive, got ${z}`);
  if (n === 0) return { low: 0, high: 1 };
  const z2 = z * z;
  const centre = (successes + z2 / 2) / (n + z2);
  const half = (z / (n + z2)) * Math.sqrt((successes * (n - successes)) / n + z2 / 4);
  // At 0 or n successes the closed form gives exactly 0 or 1; floating point may miss by 1e-17.
  return {
    low: successes === 0 ? 0 : Math.max(0, centre - half),
    high: successes === n ? 1 : Math.min(1, centre + half),
  };
}
