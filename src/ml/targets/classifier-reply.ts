import type { MlAccess, Prediction } from '../../core/ml.js';
import { badResponseError, type FailureScope } from '../../targets/http-failure.js';
import { readBatchValues, type BatchJsonPath } from './batch-json-path.js';
import { describeValue, labelIndex, probabilityVector } from './prediction-values.js';

/** Where a classifier's reply holds its answers, and what it may reveal. */
export type ReplyReading = {
  /** Where each label is (a class name or an index). */
  readonly labelPath: BatchJsonPath;
  /** Where each probability vector is, when the reply has them. */
  readonly probabilitiesPath?: BatchJsonPath;
  /** Class names. */
  readonly labels: readonly string[];
  /** 'label' drops the probabilities even when the reply has them. */
  readonly access: MlAccess;
  /** Who answered, for 'bad-response' errors. */
  readonly scope: FailureScope;
};

/** One prediction per input from a parsed JSON reply; a missing path, an unknown label or bad probabilities is 'bad-response'. */
export function readClassifierReply(reply: unknown, read: ReplyReading & { readonly count: number }): Prediction[] {
  const { labels, scope, count } = read;
  const labelValues = readBatchValues(reply, { path: read.labelPath, count });
  if (labelValues === undefined) throw badResponseError(scope, `no ${count === 1 ? 'label' : `${count} labels`} at path ${read.labelPath.source}`);
  const probabilitiesPath = read.access === 'scores' ? read.probabilitiesPath : undefined;
  const scoreValues = probabilitiesPath === undefined ? undefined : readBatchValues(reply, { path: probabilitiesPath, count });
  if (probabilitiesPath !== undefined && scoreValues === undefined) {
    throw badResponseError(scope, `no class probabilities ${count === 1 ? '' : `for ${count} inputs `}at path ${probabilitiesPath.source}`);
  }
  return labelValues.map((value, i) => {
    const label = labelIndex(value, labels);
    if (label === undefined) {
      throw badResponseError(scope, `label ${describeValue(value)} at ${read.labelPath.source} is neither one of the ${labels.length} class names nor an index below ${labels.length}`);
    }
    if (scoreValues === undefined) return { label };
    const probabilities = probabilityVector(scoreValues[i], labels);
    if (probabilities === undefined) {
      throw badResponseError(scope, `value at ${probabilitiesPath!.source} is not ${labels.length} class probabilities: ${describeValue(scoreValues[i])}`);
    }
    return { label, probabilities };
  });
}
