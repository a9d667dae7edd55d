import { chooseThreshold } from './choose-threshold.js';
import type { LabeledPair } from './labeled-pair.js';
import { featureVector, objectiveFeatures } from './objective-features.js';
import { splitPart } from './objective-split.js';
import { outOfFoldProbabilities } from './out-of-fold.js';
import { trainLogistic, type FittedLogistic } from './train-logistic.js';

/** Folds of the cross-validation whose out-of-fold probabilities choose the threshold. */
export const THRESHOLD_FOLDS = 10;

/** What the objective judge's training produces: the fit, its threshold, and the rows it was fitted on. */
export type FittedObjectiveModel = { readonly fit: FittedLogistic; readonly threshold: number; readonly fitting: readonly LabeledPair[] };

/** The feature vector of a labeled pair. */
export function pairVector(pair: LabeledPair): number[] {
  return featureVector(objectiveFeatures(pair.goal, pair.response));
}

/**
 * The objective judge's training protocol (docs/objective-judge.md): fit on the train and validation parts of the
 * split, choose the threshold on their out-of-fold probabilities (folds grouped by goal); the held-out part is never
 * read. Deterministic: the same rows give the same model.
 */
export function fitObjectiveModel(pairs: readonly LabeledPair[]): FittedObjectiveModel {
  const fitting = pairs.filter((pair) => splitPart(pair.goal) !== 'held-out');
  const fit = trainLogistic(fitting.map((pair) => ({ x: pairVector(pair), y: pair.achieved ? 1 : 0 })));
  const outOfFold = outOfFoldProbabilities(fitting.map((pair) => ({ goal: pair.goal, x: pairVector(pair), actual: pair.achieved })), { folds: THRESHOLD_FOLDS });
  return { fit, threshold: chooseThreshold(outOfFold), fitting };
}
