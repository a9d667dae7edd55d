import type { Attempt } from '../core/attempt.js';
import type { ComponentRef } from '../core/component-ref.js';
import type { ClassifierTarget, MlSample, TensorSpec } from '../core/ml.js';
import { stealModel, surrogateLabel, type ExtractionMode } from '../ml/extraction/copycat.js';
import { createOracle } from '../ml/oracle.js';
import type { Clock } from './clock.js';
import { ClassifyFailed, ClassifyStopped, engineClassify } from './ml-classify.js';
import type { CallContext } from './send-with-retry.js';

/** The scorer reference of extraction attempts: the surrogate gives the victim's label. */
export const EXTRACTION_SCORER: ComponentRef = { kind: 'scorer', id: 'ml-extraction', instance: 'ml-extraction', hash: 'ml-extraction-1' };

/** One mode of a model-extraction attack, its surrogates by budget, and where their attempts go. */
export type ExtractionPlan = {
  /** Probability or argmax outputs. */
  readonly mode: ExtractionMode;
  /** Query budgets, each with its technique reference and the plan position of its first attempt. */
  readonly budgets: readonly { readonly budget: number; readonly ref: ComponentRef; readonly firstSeq: number }[];
  /** The surrogate's hidden units. */
  readonly hidden: number;
};

/**
 * Steals the victim once per mode (queries counted, rate-limited, retried) and decides one attempt per budget ×
 * evaluation sample: success when the surrogate gives the victim's own label (fidelity), with whether it gives the
 * true label (task accuracy) beside. Undefined when stopped; every attempt an error when the victim kept failing.
 */
export async function runExtraction(input: {
  readonly plan: ExtractionPlan;
  readonly target: ClassifierTarget;
  readonly input: TensorSpec;
  readonly pool: readonly Float32Array[];
  readonly evaluation: readonly { readonly sample: MlSample; readonly goal: ComponentRef; readonly victimLabel: number }[];
  readonly chain: ComponentRef;
  readonly call: CallContext;
  readonly takeQueries?: (n: number) => boolean;
  readonly seed: number;
  readonly clock: Clock;
}): Promise<Attempt[] | undefined> {
  const { plan, target } = input;
  const startedAt = input.clock.now();
  const tally = { retries: 0, latencyMs: 0, queries: 0 };
  const classify = engineClassify({ target, call: input.call, tally, ...(input.takeQueries === undefined ? {} : { takeQueries: input.takeQueries }) });
  const largest = Math.max(...plan.budgets.map((b) => b.budget));
  const oracle = createOracle({ classify, access: plan.mode === 'argmax' ? 'label' : 'scores', budget: largest });
  const base = (b: ExtractionPlan['budgets'][number], i: number) => ({
    seq: b.firstSeq + i, trial: 0, goal: input.evaluation[i]!.goal, technique: b.ref, chain: input.chain, category: 'ml-extraction', persona: 'malicious' as const,
  });
  let surrogates;
  try {
    surrogates = await stealModel({
      oracle, pool: input.pool, budgets: plan.budgets.map((b) => b.budget), mode: plan.mode, input: input.input,
      classes: target.labels.length, hidden: plan.hidden, seed: input.seed,
    });
  } catch (caught) {
    if (caught instanceof ClassifyStopped) return undefined;
    if (!(caught instanceof ClassifyFailed)) throw caught;
    const { kind, message } = caught.error;
    return plan.budgets.flatMap((b) => input.evaluation.map((_, i): Attempt => ({
      ...base(b, i), outcome: 'error', error: { kind, message },
      events: [{ type: 'ml', kind: 'extraction', queries: tally.queries, budget: b.budget, variant: plan.mode, stopped: `the target failed: ${kind}` }, { type: 'error', kind, message }],
      retries: tally.retries, latencyMs: tally.latencyMs, startedAt, finishedAt: input.clock.now(),
    })));
  }
  const finishedAt = input.clock.now();
  return plan.budgets.flatMap((b, k) => input.evaluation.map(({ sample, victimLabel }, i): Attempt => {
    const copied = surrogateLabel(surrogates[k]!, sample.input as Float32Array);
    const agrees = copied === victimLabel;
    const name = (label: number) => target.labels[label] ?? String(label);
    return {
      ...base(b, i),
      events: [
        {
          type: 'ml', kind: 'extraction', queries: b.budget, budget: b.budget, variant: plan.mode, trueLabel: name(sample.label),
          figures: { agrees: agrees ? 1 : 0, correct: copied === sample.label ? 1 : 0, victimCorrect: victimLabel === sample.label ? 1 : 0, fromPool: surrogates[k]!.fromPool },
        },
        {
          type: 'score', deciding: true,
          score: {
            scorerId: EXTRACTION_SCORER.id, verdict: agrees ? 'success' : 'failure', label: agrees ? 'copied' : 'differs',
            reason: `the copy trained on ${b.budget} ${plan.mode} answers labels it ${name(copied)}; the victim ${name(victimLabel)}; truth ${name(sample.label)}`,
          },
        },
      ],
      outcome: agrees ? 'success' : 'failure', decidedBy: EXTRACTION_SCORER, retries: k === 0 && i === 0 ? tally.retries : 0,
      latencyMs: k === 0 && i === 0 ? tally.latencyMs : 0, startedAt, finishedAt,
    };
  }));
}
