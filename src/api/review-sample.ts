import { ConfigError, StoreError } from '../core/errors.js';
import type { SampleItem } from '../core/review-sample.js';
import type { RunStore } from '../core/run-store.js';
import { drawReviewSample } from '../stats/review-sample.js';

/** A run's review sample, ready to walk: its items in review order, and what this call drew. */
export type PreparedSample = {
  /** Every sampled attempt, in review order. */
  readonly items: readonly SampleItem[];
  /** How many this call added (0 when the sample was already that large). */
  readonly added: number;
  /** The judge-decided attempts the sample is drawn from. */
  readonly candidates: number;
};

/**
 * Draws a run's review sample up to `size` attempts, stratified by the judge's verdict and seeded by the run's seed
 * (or `seed`), and records it; a sample already that large is reused, a smaller one extended without repeats. A
 * sample is drawn from a run that stopped, so that it represents every attempt its rates count.
 */
export async function prepareReviewSample(store: RunStore, input: { runId: string; size: number; seed?: number; now: number }): Promise<PreparedSample> {
  if (!Number.isInteger(input.size) || input.size < 1) {
    throw new ConfigError(`--sample must be a whole number of attempts above 0, got '${input.size}'`, { file: '<command line>', path: '--sample', hint: 'e.g. --sample 50' });
  }
  const run = await store.runs.require(input.runId);
  if (run.status === 'running') {
    throw new StoreError(`run ${run.id} is still running: a review sample is drawn from a run that stopped`, {
      file: store.location, hint: 'let the scan finish (or stop it with Ctrl-C), then draw the sample',
    });
  }
  const existing = await store.reviews.sample(run.id);
  const candidates = await store.reviews.candidates(run.id);
  if (candidates.length === 0) {
    throw new StoreError(`run ${run.id} has no decided attempt to sample`, { file: store.location, hint: 'a sample is drawn from attempts the judge decided as success or failure' });
  }
  const drawn = drawReviewSample({ candidates, size: input.size, seed: input.seed ?? run.seed, existing });
  if (drawn.length > 0) await store.reviews.addToSample({ runId: run.id, items: drawn, seed: input.seed ?? run.seed, drawnAt: input.now });
  return { items: [...existing, ...drawn], added: drawn.length, candidates: candidates.length };
}
