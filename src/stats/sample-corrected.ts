// The judge-stratified double-sampling estimator: the judge decides every attempt, a person labels a random sample
// drawn within each judge verdict, and the rate is the verdict shares weighted by the human rate within each. The
// prediction-powered estimate (Angelopoulos et al., Science 382, 2023) of a proportion from a stratified sample
// takes this form; it is unbiased whatever the judge's errors. Interval: a posterior percentile interval under
// Jeffreys priors (Beta(½, ½) for each within-verdict rate, Dirichlet(½, ½) for the verdict shares).
import { deriveSeed, seededRandom } from '../core/random.js';
import { PERSONAS, type Persona } from '../core/outcome.js';
import type { DecidedCounts, SampleCellCounts, SampleCounts } from '../core/review-sample.js';
import { betaDraw } from './beta-draw.js';

/** A rate corrected by a random human-labeled sample, with its 95% interval. */
export type SampleCorrectedRate = {
  /** The estimated rate a person would have found over every decided attempt. */
  readonly asr: number;
  /** Lower end of the 95% interval. */
  readonly ciLow: number;
  /** Upper end of the 95% interval. */
  readonly ciHigh: number;
  /** Sampled attempts a person labeled. */
  readonly labeled: number;
  /** Of the judge's `success` verdicts among them, how many the person confirmed, and of its `failure` verdicts, how many the person called success. */
  readonly agreement: { readonly confirmed: number; readonly ofSuccess: number; readonly missed: number; readonly ofFailure: number };
};

/** Posterior draws behind each interval. */
const DEFAULT_DRAWS = 4000;

/** Adds two groups' sample counts (cells into a persona's overall row). */
export function addSampleCounts(a: SampleCounts, b: SampleCounts): SampleCounts {
  const add = (x: DecidedCounts, y: DecidedCounts): DecidedCounts => ({ success: x.success + y.success, failure: x.failure + y.failure });
  return { machine: add(a.machine, b.machine), labeled: { success: add(a.labeled.success, b.labeled.success), failure: add(a.labeled.failure, b.labeled.failure) } };
}

/** Draws of the corrected rate from its posterior, seeded by the counts (the same counts give the same draws). */
function posteriorDraws(counts: SampleCounts, n: number, salt = ''): number[] {
  const { machine, labeled } = counts;
  const random = seededRandom(deriveSeed(0x5a3c, salt, machine.success, machine.failure, labeled.success.success, labeled.success.failure, labeled.failure.success, labeled.failure.failure));
  const draws: number[] = [];
  for (let i = 0; i < n; i += 1) {
    const share = betaDraw(machine.success + 0.5, machine.failure + 0.5, random);
    const p1 = betaDraw(labeled.success.success + 0.5, labeled.success.failure + 0.5, random);
    const p0 = betaDraw(labeled.failure.success + 0.5, labeled.failure.failure + 0.5, random);
    draws.push(share * p1 + (1 - share) * p0);
  }
  return draws;
}

/** How many sampled attempts of a group a person labeled. */
export function labeledCount(counts: SampleCounts): number {
  const { labeled } = counts;
  return labeled.success.success + labeled.success.failure + labeled.failure.success + labeled.failure.failure;
}

/**
 * The difference between two runs' corrected rates (B − A) with its 95% interval, from independent posterior draws
 * of each; null unless both have labels.
 */
export function sampleCorrectedDifference(a: SampleCounts, b: SampleCounts): { readonly estimate: number; readonly low: number; readonly high: number } | null {
  const [rateA, rateB] = [sampleCorrectedRate(a), sampleCorrectedRate(b)];
  if (rateA === null || rateB === null) return null;
  // Each run's draws are seeded apart ('a', 'b'), so two runs with equal counts are still drawn independently.
  const [drawsA, drawsB] = [posteriorDraws(a, DEFAULT_DRAWS, 'a'), posteriorDraws(b, DEFAULT_DRAWS, 'b')];
  const differences = drawsB.map((d, i) => d - drawsA[i]!).sort((x, y) => x - y);
  const at = (q: number): number => differences[Math.min(DEFAULT_DRAWS - 1, Math.floor(q * DEFAULT_DRAWS))]!;
  return { estimate: rateB.asr - rateA.asr, low: at(0.025), high: at(0.975) };
}

/**
 * The sample-corrected rate of a group; null when no sampled attempt of it was labeled (the raw rate then stands
 * alone). A verdict stratum with attempts but no labels keeps its whole uncertainty: the interval spans what that
 * stratum could hold. Deterministic: the draws are seeded by the counts.
 */
export function sampleCorrectedRate(counts: SampleCounts, options: { draws?: number } = {}): SampleCorrectedRate | null {
  const { machine, labeled } = counts;
  const DRAWS = options.draws ?? DEFAULT_DRAWS;
  const n1 = labeled.success.success + labeled.success.failure;
  const n0 = labeled.failure.success + labeled.failure.failure;
  if (n1 + n0 === 0 || machine.success + machine.failure === 0) return null;
  const draws = posteriorDraws(counts, DRAWS).sort((a, b) => a - b);
  const at = (q: number): number => draws[Math.min(DRAWS - 1, Math.floor(q * DRAWS))]!;
  const total = machine.success + machine.failure;
  // With labels in every verdict that occurs, the plain ratio estimate; otherwise the posterior median.
  const covered = (machine.success === 0 || n1 > 0) && (machine.failure === 0 || n0 > 0);
  const ratio = (machine.success === 0 ? 0 : (machine.success / total) * (labeled.success.success / n1)) + (machine.failure === 0 ? 0 : (machine.failure / total) * (labeled.failure.success / n0));
  return {
    asr: covered ? ratio : at(0.5),
    ciLow: at(0.025),
    ciHigh: at(0.975),
    labeled: n1 + n0,
    agreement: { confirmed: labeled.success.success, ofSuccess: n1, missed: labeled.failure.success, ofFailure: n0 },
  };
}

/** One persona's sample-corrected rate in two runs, and the difference B − A. */
export type SampleComparison = {
  readonly persona: Persona;
  /** Run A's corrected rate; null when its sample has no labels for this persona. */
  readonly a: SampleCorrectedRate | null;
  /** Run B's corrected rate; null when its sample has no labels for this persona. */
  readonly b: SampleCorrectedRate | null;
  /** B − A with its 95% interval; null unless both have labels. */
  readonly difference: { readonly estimate: number; readonly low: number; readonly high: number } | null;
};

const NO_SAMPLE: SampleCounts = { machine: { success: 0, failure: 0 }, labeled: { success: { success: 0, failure: 0 }, failure: { success: 0, failure: 0 } } };

/** Adds up a list of groups' sample counts (none: all zero). */
export function sumSampleCounts(counts: readonly SampleCounts[]): SampleCounts {
  return counts.reduce<SampleCounts>(addSampleCounts, NO_SAMPLE);
}

/** Two runs' sample-corrected rates per persona (from their per-cell sample counts); empty unless either run has a labeled sample. */
export function compareSampled(a: readonly SampleCellCounts[], b: readonly SampleCellCounts[]): SampleComparison[] {
  return PERSONAS.flatMap((persona) => {
    const [mineA, mineB] = [sumSampleCounts(a.filter((c) => c.persona === persona)), sumSampleCounts(b.filter((c) => c.persona === persona))];
    if (labeledCount(mineA) + labeledCount(mineB) === 0) return [];
    return [{ persona, a: sampleCorrectedRate(mineA), b: sampleCorrectedRate(mineB), difference: sampleCorrectedDifference(mineA, mineB) }];
  });
}
