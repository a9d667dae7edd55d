import type { Persona } from './outcome.js';

/** Counts of the two decided outcomes. */
export type DecidedCounts = { readonly success: number; readonly failure: number };

/** A judge's decided verdict: the stratum a review sample is drawn within. */
export type SampleStratum = 'success' | 'failure';

/** An attempt that can be sampled for review: its plan position and the judge's decided verdict on it. */
export type SampleCandidate = { readonly seq: number; readonly verdict: SampleStratum };

/** A sampled attempt: its position, the verdict stratum it was drawn from, and its place in the review order. */
export type SampleItem = { readonly seq: number; readonly stratum: SampleStratum; readonly position: number };

/** A sampled attempt as stored: with the seed of the draw that added it and when that was (what a copy carries over). */
export type DrawnSampleItem = SampleItem & {
  /** The seed the draw used. */
  readonly seed: number;
  /** When the draw added it (epoch ms). */
  readonly drawnAt: number;
};

/** What a run's review sample says about one group of attempts (a cell, or a persona overall). */
export type SampleCounts = {
  /** The judge's decided verdicts over every attempt of the group (human reviews aside). */
  readonly machine: DecidedCounts;
  /** Human labels of the group's sampled attempts, by the judge's verdict on them (the stratum). */
  readonly labeled: { readonly success: DecidedCounts; readonly failure: DecidedCounts };
};

/** One cell's sample counts: technique × chain × category × persona, as `CellCounts` names them. */
export type SampleCellCounts = SampleCounts & {
  /** The cell's attempts in the sample, labeled or not. */
  readonly drawn: number;
  readonly technique: string;
  readonly chain: string;
  readonly category: string;
  readonly persona: Persona;
};
