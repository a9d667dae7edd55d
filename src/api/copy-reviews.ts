import { isDeepStrictEqual } from 'node:util';
import type { ReviewLabel } from '../core/attempt-query.js';
import type { Review, RunStore } from '../core/run-store.js';

const key = (label: { readonly seq: number; readonly reviewer: string }): string => `${label.seq}\u0000${label.reviewer}`;

function sameLabel(a: ReviewLabel | undefined, b: ReviewLabel): boolean {
  return a !== undefined && a.verdict === b.verdict && a.note === b.note && a.labeledAt === b.labeledAt;
}

/** True when `label` is the one `review` came from (labels and reviews are written together). */
function isReviewOf(label: ReviewLabel, review: Review | undefined): boolean {
  return review !== undefined && label.reviewer === (review.reviewer ?? '') && label.verdict === review.verdict
    && label.note === review.note && label.labeledAt === review.reviewedAt;
}

const sameReview = (a: Review | undefined, b: Review | undefined): boolean => isDeepStrictEqual(a, b);

/**
 * One attempt's labels in the order to write them: by time, so the latest counts, except that the label the source's
 * review came from goes last, so the destination's review ends up the same even when it is not the latest by time.
 */
function writeOrder(labels: readonly ReviewLabel[], review: Review | undefined): ReviewLabel[] {
  const byTime = [...labels].sort((a, b) => a.labeledAt - b.labeledAt || a.reviewer.localeCompare(b.reviewer));
  const current = byTime.findIndex((label) => isReviewOf(label, review));
  return current < 0 ? byTime : [...byTime.slice(0, current), ...byTime.slice(current + 1), byTime[current]!];
}

/**
 * Copies every reviewer's label of a run's attempts, and makes each attempt's review (the one summaries count) the
 * source's. Labels the destination holds already are not written again. Returns how many labels it wrote.
 */
export async function copyReviews(input: { readonly from: RunStore; readonly to: RunStore; readonly runId: string }): Promise<number> {
  const { from, to, runId } = input;
  const labels = await from.reviews.labels(runId);
  if (labels.length === 0) return 0;
  const there = new Map((await to.reviews.labels(runId)).map((label) => [key(label), label]));
  const bySeq = new Map<number, ReviewLabel[]>();
  for (const label of labels) bySeq.set(label.seq, [...(bySeq.get(label.seq) ?? []), label]);
  let written = 0;
  for (const [seq, ofSeq] of bySeq) {
    const review = await from.reviews.get({ runId, seq });
    const ordered = writeOrder(ofSeq, review);
    const missing = ordered.filter((label) => !sameLabel(there.get(key(label)), label));
    if (missing.length === 0 && sameReview(await to.reviews.get({ runId, seq }), review)) continue;
    for (const label of missing) {
      await to.reviews.label({ runId, seq, reviewer: label.reviewer, verdict: label.verdict, at: label.labeledAt, ...(label.note === undefined ? {} : { note: label.note }) });
      written += 1;
    }
    if (review === undefined || sameReview(await to.reviews.get({ runId, seq }), review)) continue;
    // The destination's own later labels won: the source's review is written again, as its reviewer's label.
    await to.reviews.set({ runId, seq, review });
  }
  return written;
}
