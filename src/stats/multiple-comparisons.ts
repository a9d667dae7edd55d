// Benjamini & Hochberg (1995), "Controlling the false discovery rate", JRSS B 57:289–300; Holm (1979), Scand. J. Statist. 6:65–70.

/** Multiple-comparison adjustments: Benjamini–Hochberg (false discovery rate) or Holm (family-wise error). */
export const ADJUSTMENTS = ['bh', 'holm'] as const;

/** A multiple-comparison adjustment. */
export type Adjustment = (typeof ADJUSTMENTS)[number];

/** Indexes of the p-values, smallest p first (ties keep input order). */
function ascending(pValues: readonly number[]): number[] {
  for (const p of pValues) if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must lie in [0, 1], got ${p}`);
  return pValues.map((_, i) => i).sort((i, j) => pValues[i]! - pValues[j]! || i - j);
}

/** Benjamini–Hochberg adjusted p-values (q-values), in input order: min over j ≥ rank of p₍ⱼ₎·m/j, capped at 1. */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = ascending(pValues);
  const adjusted = new Array<number>(m);
  let running = 1;
  for (let rank = m; rank >= 1; rank -= 1) {
    const index = order[rank - 1]!;
    running = Math.min(running, (pValues[index]! * m) / rank);
    adjusted[index] = running;
  }
  return adjusted;
}

/** Holm step-down adjusted p-values, in input order: max over j ≤ rank of p₍ⱼ₎·(m − j + 1), capped at 1. */
export function holm(pValues: readonly number[]): number[] {
  const m = pValues.length;
  const order = ascending(pValues);
  const adjusted = new Array<number>(m);
  let running = 0;
  for (let rank = 1; rank <= m; rank += 1) {
    const index = order[rank - 1]!;
    running = Math.max(running, Math.min(1, pValues[index]! * (m - rank + 1)));
    adjusted[index] = running;
  }
  return adjusted;
}

/** Adjusted p-values by the chosen method, in input order. */
export function adjustPValues(pValues: readonly number[], method: Adjustment): number[] {
  return method === 'holm' ? holm(pValues) : benjaminiHochberg(pValues);
}
