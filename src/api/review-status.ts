import type { ReviewLabel } from '../core/attempt-query.js';
import { PERSONAS, type Persona } from '../core/outcome.js';
import type { RunStore } from '../core/run-store.js';
import { agreementMetrics } from '../calibration/metrics.js';
import { sampleCorrectedRate, sumSampleCounts, type SampleCorrectedRate } from '../stats/sample-corrected.js';

/** How far two sets of labels agree over the attempts both labeled. */
export type LabelAgreement = {
  /** Attempts both labeled. */
  readonly n: number;
  /** Share with the same label. */
  readonly agreement: number;
  /** Cohen's κ; null when it is undefined (one side gave a single label throughout). */
  readonly kappa: number | null;
};

/** Where a run's human review stands: how much is labeled, the corrected rates, and who agrees with whom. */
export type ReviewStatus = {
  /** Attempts with at least one label. */
  readonly labeled: number;
  /** The review sample: attempts drawn and labeled; undefined when none was drawn. */
  readonly sample?: { readonly drawn: number; readonly labeled: number };
  /** Per persona with a sample: the rate corrected by the sample's labels (null until a label exists in it). */
  readonly corrected: readonly { readonly persona: Persona; readonly rate: SampleCorrectedRate | null }[];
  /** The judge's verdicts against the labels that count (the latest per attempt), over decided attempts. */
  readonly judge: LabelAgreement | null;
  /** Each pair of reviewers who labeled the same attempts. */
  readonly reviewers: readonly (LabelAgreement & { readonly a: string; readonly b: string })[];
};

function agreementOf(pairs: readonly (readonly ['success' | 'failure', 'success' | 'failure'])[]): LabelAgreement | null {
  if (pairs.length === 0) return null;
  let truePositive = 0;
  let falsePositive = 0;
  let trueNegative = 0;
  let falseNegative = 0;
  for (const [x, y] of pairs) {
    if (x === 'success' && y === 'success') truePositive += 1;
    else if (x === 'success') falsePositive += 1;
    else if (y === 'success') falseNegative += 1;
    else trueNegative += 1;
  }
  const metrics = agreementMetrics({ truePositive, falsePositive, trueNegative, falseNegative, unscored: 0 });
  return { n: pairs.length, agreement: (truePositive + trueNegative) / pairs.length, kappa: metrics.kappa };
}

/** Agreement between every two reviewers who labeled the same attempts, and of the judge with the latest labels. */
export function labelAgreement(labels: readonly ReviewLabel[]): Pick<ReviewStatus, 'judge' | 'reviewers'> {
  const bySeq = new Map<number, ReviewLabel[]>();
  for (const label of labels) bySeq.set(label.seq, [...(bySeq.get(label.seq) ?? []), label]);
  const judgePairs: (readonly ['success' | 'failure', 'success' | 'failure'])[] = [];
  const reviewerPairs = new Map<string, (readonly ['success' | 'failure', 'success' | 'failure'])[]>();
  for (const own of bySeq.values()) {
    const latest = own.reduce((x, y) => (y.labeledAt > x.labeledAt ? y : x));
    if (latest.machineOutcome === 'success' || latest.machineOutcome === 'failure') judgePairs.push([latest.machineOutcome, latest.verdict]);
    const sorted = [...own].sort((x, y) => x.reviewer.localeCompare(y.reviewer));
    for (let i = 0; i < sorted.length; i += 1) {
      for (let j = i + 1; j < sorted.length; j += 1) {
        const key = JSON.stringify([sorted[i]!.reviewer, sorted[j]!.reviewer]);
        reviewerPairs.set(key, [...(reviewerPairs.get(key) ?? []), [sorted[i]!.verdict, sorted[j]!.verdict]]);
      }
    }
  }
  return {
    judge: agreementOf(judgePairs),
    reviewers: [...reviewerPairs].map(([key, pairs]) => {
      const [a, b] = JSON.parse(key) as [string, string];
      return { a, b, ...agreementOf(pairs)! };
    }),
  };
}

/** Where a run's review stands, read from the store (labels, sample counts, agreement). */
export async function reviewStatus(store: RunStore, runId: string): Promise<ReviewStatus> {
  const labels = await store.reviews.labels(runId);
  const sampled = await store.aggregates.sampled(runId);
  const sample = await store.reviews.sample(runId);
  const corrected = sampled.length === 0 ? [] : PERSONAS.flatMap((persona) => {
    const mine = sampled.filter((cell) => cell.persona === persona);
    return mine.length === 0 ? [] : [{ persona, rate: sampleCorrectedRate(sumSampleCounts(mine)) }];
  });
  const labeledSeqs = new Set(labels.map((l) => l.seq));
  return {
    labeled: labeledSeqs.size,
    ...(sample.length === 0 ? {} : { sample: { drawn: sample.length, labeled: sample.filter((item) => labeledSeqs.has(item.seq)).length } }),
    corrected,
    ...labelAgreement(labels),
  };
}
