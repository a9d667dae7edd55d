// Prevalence under an imperfect test: W. J. Rogan & B. Gladen (1978), Am. J. Epidemiol. 107:71–76.
import { seededRandom, type Random } from '../core/random.js';

/** A measured proportion: successes out of n. */
export type Counted = { readonly successes: number; readonly n: number };

/** A scorer's measured error rates for the `success` verdict. */
export type ScorerAccuracy = {
  /** P(scorer says success | truly success), as counted on labeled data. */
  readonly sensitivity: Counted;
  /** P(scorer says failure | truly failure). */
  readonly specificity: Counted;
};

/** A scorer-corrected rate with its bootstrap interval. */
export type CorrectedRate = { readonly rate: number; readonly low: number; readonly high: number };

/** Rogan–Gladen: the true rate behind an observed one, clipped to [0, 1]; null when the scorer is no better than chance. */
export function roganGladen(observed: number, sensitivity: number, specificity: number): number | null {
  const informedness = sensitivity + specificity - 1;
  if (!(informedness > 0)) return null;
  return Math.min(1, Math.max(0, (observed + specificity - 1) / informedness));
}

/** One binomial draw as a proportion: exact for small n, normal approximation for large n. */
function drawProportion(p: number, n: number, random: Random): number {
  if (n <= 0) return p;
  if (n <= 200) {
    let k = 0;
    for (let i = 0; i < n; i += 1) if (random() < p) k += 1;
    return k / n;
  }
  // Box–Muller; clipped to [0, 1].
  const z = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.min(1, Math.max(0, p + z * Math.sqrt((p * (1 - p)) / n)));
}

/**
 * The corrected rate with a 95% percentile-bootstrap interval that carries both sampling error (the cell's
 * attempts) and calibration error (the labeled rows behind sensitivity and specificity). Deterministic for a seed.
 */
export function correctedRate(input: { observed: Counted; accuracy: ScorerAccuracy; seed: number; draws?: number }): CorrectedRate | null {
  const { observed, accuracy } = input;
  const se = accuracy.sensitivity.successes / accuracy.sensitivity.n;
  const sp = accuracy.specificity.successes / accuracy.specificity.n;
  const p = observed.successes / observed.n;
  const rate = roganGladen(p, se, sp);
  if (rate === null || observed.n === 0) return null;
  const random = seededRandom(input.seed);
  const draws = input.draws ?? 2000;
  const values: number[] = [];
  for (let i = 0; i < draws; i += 1) {
    const v = roganGladen(drawProportion(p, observed.n, random), drawProportion(se, accuracy.sensitivity.n, random), drawProportion(sp, accuracy.specificity.n, random));
    // A draw where the resampled scorer looks no better than chance says nothing: the interval is then vacuous there.
    values.push(v ?? Number.NaN);
  }
  const usable = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
  const vacuous = draws - usable.length;
  const at = (q: number) => usable[Math.min(usable.length - 1, Math.max(0, Math.floor(q * usable.length)))] ?? 0;
  // Chance-level draws widen the interval to the full range rather than being silently dropped.
  return vacuous > draws * 0.025 ? { rate, low: 0, high: 1 } : { rate, low: at(0.025), high: at(0.975) };
}
