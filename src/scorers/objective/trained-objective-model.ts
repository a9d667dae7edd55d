import type { LogisticModel } from './logistic-model.js';

/** Where a trained model's weights came from, kept beside them. */
export type ModelProvenance = {
  /** The labeled data it was fitted on, with its license. */
  readonly data: string;
  /** First 16 hex digits of SHA-256 over the data files, in name order. */
  readonly dataSha256: string;
  /** How rows were split into train, validation and held-out parts. */
  readonly split: string;
  /** Rows the weights were fitted on (the train and validation parts). */
  readonly trainRows: number;
  /** Folds of the cross-validation over those rows whose out-of-fold probabilities chose the threshold. */
  readonly thresholdFolds: number;
  /** Day of training, ISO 8601. */
  readonly trainedOn: string;
};

/** The objective judge's logistic model with its provenance. */
export type TrainedObjectiveModel = LogisticModel & {
  /** Each feature's mean over the training rows: a reason cites how far a reply sits from them. */
  readonly means: readonly number[];
  /** Where the weights came from. */
  readonly provenance: ModelProvenance;
};
