/** The exact McNemar test of paired binary outcomes: only the discordant pairs carry information. */
export type McNemarResult = {
  /** Pairs that went from success (A) to failure (B). */
  readonly successToFailure: number;
  /** Pairs that went from failure (A) to success (B). */
  readonly failureToSuccess: number;
  /** Two-sided exact p-value (binomial with p = 1/2 over the discordant pairs); 1 when there are none. */
  readonly pValue: number;
};

/** Exact two-sided McNemar test: under "no change", each discordant pair flips either way with probability 1/2. */
export function mcNemarExact(input: { readonly successToFailure: number; readonly failureToSuccess: number }): McNemarResult {
  const { successToFailure: b, failureToSuccess: c } = input;
  const n = b + c;
  if (n === 0) return { ...input, pValue: 1 };
  // P(X <= min(b, c)) for X ~ Binomial(n, 1/2), summed in log space so that n in the millions stays finite.
  const k = Math.min(b, c);
  let logTerm = -n * Math.LN2; // log C(n, 0) / 2^n
  let tail = Math.exp(logTerm);
  for (let i = 1; i <= k; i += 1) {
    logTerm += Math.log((n - i + 1) / i);
    tail += Math.exp(logTerm);
  }
  return { ...input, pValue: Math.min(1, 2 * tail) };
}
