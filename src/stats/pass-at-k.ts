// Unbiased pass@k estimator: Chen et al., "Evaluating Large Language Models Trained on Code" (2021), arXiv:2107.03374.

/** Input to `passAtK`: n decided attempts of which `successes` succeeded, and the k to estimate for. */
export type PassAtKInput = {
  /** Decided attempts (successes + failures). */
  readonly n: number;
  /** Successful attempts among them. */
  readonly successes: number;
  /** Attempts an attacker gets; values above n are treated as n. */
  readonly k: number;
};

/**
 * Probability that at least one of k attempts drawn without replacement from the n succeeded:
 * 1 − C(n−c, k)/C(n, k), computed as a product so no large binomial is formed; null when n = 0.
 */
export function passAtK(input: PassAtKInput): number | null {
  const { n, successes: c } = input;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  if (!Number.isInteger(c) || c < 0 || c > n) throw new RangeError(`successes must be an integer in [0, ${n}], got ${c}`);
  if (!Number.isInteger(input.k) || input.k < 1) throw new RangeError(`k must be a positive integer, got ${input.k}`);
  if (n === 0) return null;
  const k = Math.min(input.k, n);
  // Fewer failures than k: every draw of k holds a success.
  if (n - c < k) return 1;
  // C(n−c, k)/C(n, k) = ∏_{i = n−c+1}^{n} (1 − k/i)
  let allFail = 1;
  for (let i = n - c + 1; i <= n; i += 1) allFail *= 1 - k / i;
  return 1 - allFail;
}
