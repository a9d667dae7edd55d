import { StoreError } from '../core/errors.js';
import type { DrawnSampleItem } from '../core/review-sample.js';
import type { RunStore } from '../core/run-store.js';

/** Consecutive items of one draw (same seed and time), each group added in one call as it was drawn. */
function draws(items: readonly DrawnSampleItem[]): DrawnSampleItem[][] {
  const groups: DrawnSampleItem[][] = [];
  for (const item of items) {
    const last = groups[groups.length - 1];
    if (last !== undefined && last[0]!.seed === item.seed && last[0]!.drawnAt === item.drawnAt) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

/**
 * Copies a run's review sample: the same attempts in the same order, with each draw's seed and time. Items the
 * destination holds are kept; a destination sample that disagrees with the source's is a StoreError. Returns how
 * many items it added.
 */
export async function copyReviewSample(input: { readonly from: RunStore; readonly to: RunStore; readonly runId: string }): Promise<number> {
  const { from, to, runId } = input;
  const sample = await from.reviews.sample(runId);
  if (sample.length === 0) return 0;
  const there = new Map((await to.reviews.sample(runId)).map((item) => [item.position, item]));
  const missing: DrawnSampleItem[] = [];
  for (const item of sample) {
    const held = there.get(item.position);
    if (held === undefined) missing.push(item);
    else if (held.seq !== item.seq || held.stratum !== item.stratum) {
      throw new StoreError(`run ${runId}'s review sample in ${to.location} differs from the one in ${from.location} at position ${item.position}`, {
        file: to.location, hint: 'a sample was drawn there separately; copy into another store to keep both',
      });
    }
  }
  for (const draw of draws(missing)) {
    await to.reviews.addToSample({ runId, items: draw.map(({ seq, stratum, position }) => ({ seq, stratum, position })), seed: draw[0]!.seed, drawnAt: draw[0]!.drawnAt });
  }
  return missing.length;
}
