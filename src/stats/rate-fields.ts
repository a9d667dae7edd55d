import type { OutcomeCounts } from '../core/counts.js';

export type { OutcomeCounts } from '../core/counts.js';
import { wilsonInterval } from './wilson.js';


/** Counts and rate of a group of attempts; the rate and interval are over decided attempts only. */
export type RateFields = {
  /** All attempts, errors and unscored included. */
  readonly trials: number;
  /** Attempts decided as success. */
  readonly successes: number;
  /** Attempts decided as failure. */
  readonly failures: number;
  /** Attempts that ended in error. */
  readonly errors: number;
  /** Attempts no scorer could decide. */
  readonly unscored: number;
  /** successes / (successes + failures); null when nothing was decided. */
  readonly asr: number | null;
  /** Lower end of the Wilson 95% interval over decided attempts; null when nothing was decided. */
  readonly ciLow: number | null;
  /** Upper end of the Wilson 95% interval over decided attempts; null when nothing was decided. */
  readonly ciHigh: number | null;
};

/** Counts, rate and Wilson interval for a group of attempts. */
export function rateFields(counts: OutcomeCounts): RateFields {
  const decided = counts.success + counts.failure;
  const interval = decided === 0 ? null : wilsonInterval(counts.success, decided);
  return {
    trials: totalCounts(counts),
    successes: counts.success,
    failures: counts.failure,
    errors: counts.error,
    unscored: counts.unscored,
    asr: decided === 0 ? null : counts.success / decided,
    ciLow: interval?.low ?? null,
    ciHigh: interval?.high ?? null,
  };
}

/** Adds outcome counts row by row. */
export function sumCounts(rows: readonly OutcomeCounts[]): OutcomeCounts {
  return rows.reduce<OutcomeCounts>(
    (sum, row) => ({
      success: sum.success + row.success,
      failure: sum.failure + row.failure,
      error: sum.error + row.error,
      unscored: sum.unscored + row.unscored,
    }),
    { success: 0, failure: 0, error: 0, unscored: 0 },
  );
}

/** All attempts in a set of counts. */
export function totalCounts(counts: OutcomeCounts): number {
  return counts.success + counts.failure + counts.error + counts.unscored;
}

