/**
 * Relative margin within which a p-value counts as equal to α. Mathematically equal p-values computed in different
 * orders (groups swapped, or p·m/rank in an adjustment) differ by a few units in the last place; 1e-9 is far above
 * that rounding and far below any difference a discrete test's p-values can show at realistic sample sizes.
 */
export const ALPHA_TOLERANCE = 1e-9;

/**
 * Whether a (possibly adjusted) p-value is significant at level α: p ≤ α, as a level-α test rejects, with a small
 * relative tolerance so a p-value exactly equal to α is not flipped by float rounding. The only place Redline
 * compares a p-value with α.
 */
export function significant(p: number, alpha: number): boolean {
  return p <= alpha * (1 + ALPHA_TOLERANCE);
}
