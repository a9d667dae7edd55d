// Fisher's exact test: R. A. Fisher (1935), "The Design of Experiments" (the lady tasting tea); two-sided as in R's fisher.test.

/** Successes out of n trials in one group. */
export type Proportion = {
  /** Trials that succeeded. */
  readonly successes: number;
  /** Trials in the group. */
  readonly n: number;
};

// Tables whose probability is within this relative margin of the observed one count as "as extreme" (R uses the same).
const RELATIVE_TOLERANCE = 1 + 1e-7;

function check(group: Proportion, name: string): void {
  if (!Number.isInteger(group.n) || group.n < 0) throw new RangeError(`${name}.n must be a non-negative integer, got ${group.n}`);
  if (!Number.isInteger(group.successes) || group.successes < 0 || group.successes > group.n) {
    throw new RangeError(`${name}.successes must be an integer in [0, ${group.n}], got ${group.successes}`);
  }
}

/**
 * Two-sided p-value of Fisher's exact test for the 2×2 table (a successes, a failures; b successes, b failures):
 * the probability, with all margins fixed, of a table no more likely than the observed one.
 */
export function fisherExactTest(a: Proportion, b: Proportion): number {
  check(a, 'a');
  check(b, 'b');
  const total = a.n + b.n;
  const successes = a.successes + b.successes;
  // a.successes is hypergeometric: a.n draws from `total` items of which `successes` are successes.
  const low = Math.max(0, a.n - (total - successes));
  const high = Math.min(successes, a.n);
  if (low === high) return 1;
  // Probabilities relative to the mode, by the ratio of consecutive terms: no factorial is ever formed,
  // and terms far in the tails underflow harmlessly to 0.
  const mode = Math.min(high, Math.max(low, Math.floor(((a.n + 1) * (successes + 1)) / (total + 2))));
  const weights = new Float64Array(high - low + 1);
  weights[mode - low] = 1;
  for (let x = mode; x < high; x += 1) {
    weights[x + 1 - low] = (weights[x - low]! * ((a.n - x) * (successes - x))) / ((x + 1) * (total - a.n - successes + x + 1));
  }
  for (let x = mode; x > low; x -= 1) {
    weights[x - 1 - low] = (weights[x - low]! * (x * (total - a.n - successes + x))) / ((a.n - x + 1) * (successes - x + 1));
  }
  const observed = weights[a.successes - low]! * RELATIVE_TOLERANCE;
  let sum = 0;
  let extreme = 0;
  for (const w of weights) {
    sum += w;
    if (w <= observed) extreme += w;
  }
  return Math.min(1, extreme / sum);
}
