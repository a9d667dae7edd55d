import type { TargetError } from '../core/errors.js';
import type { ClassifierTarget, MlInput, Prediction } from '../core/ml.js';
import { callWithRetry, type CallContext } from './send-with-retry.js';

/** A classifier call that failed after its retries, carried out of an attack. */
export class ClassifyFailed extends Error {
  constructor(readonly error: TargetError) {
    super(error.message);
  }
}

/** The run was stopped, or its query budget spent, during an attack: nothing is recorded for it. */
export class ClassifyStopped extends Error {}

/** What the calls of one attack cost. */
export type ClassifyTally = { retries: number; latencyMs: number; queries: number };

/**
 * Classification through the engine: batches split at the target's `maxBatch`, each chunk one rate-limited,
 * retried call; the run's query budget taken first. Throws ClassifyStopped or ClassifyFailed; counts into `tally`.
 */
export function engineClassify(options: {
  readonly target: ClassifierTarget;
  readonly call: CallContext;
  readonly tally: ClassifyTally;
  readonly takeQueries?: (n: number) => boolean;
}): (inputs: readonly MlInput[]) => Promise<Prediction[]> {
  const { target, tally } = options;
  return async (inputs) => {
    // The run's budget is spent: the attempt is abandoned unrecorded, like a stopped one, and the run ends resumable.
    if (options.takeQueries !== undefined && !options.takeQueries(inputs.length)) throw new ClassifyStopped();
    const predictions: Prediction[] = [];
    const size = target.maxBatch ?? Math.max(1, inputs.length);
    for (let at = 0; at < inputs.length; at += size) {
      const chunk = inputs.slice(at, at + size);
      const result = await callWithRetry((signal) => target.classify(chunk, signal), { ...options.call, tokens: 0 });
      if (!result.ok && 'stopped' in result) throw new ClassifyStopped();
      tally.retries += result.retries;
      tally.latencyMs += result.latencyMs;
      if (!result.ok) throw new ClassifyFailed(result.error);
      tally.queries += chunk.length;
      predictions.push(...result.value);
    }
    return predictions;
  };
}

/**
 * The victim's labels of some samples, outside any attack (screening, an evaluation set): undefined when the run was
 * stopped or its budget spent; a target that kept failing is its TargetError, which stops the scan with its cause.
 */
export async function victimLabels(classify: (inputs: readonly MlInput[]) => Promise<Prediction[]>, samples: readonly { readonly input: MlInput }[]): Promise<number[] | undefined> {
  try {
    return (await classify(samples.map((s) => s.input))).map((p) => p.label);
  } catch (caught) {
    if (caught instanceof ClassifyStopped) return undefined;
    throw caught instanceof ClassifyFailed ? caught.error : caught;
  }
}
