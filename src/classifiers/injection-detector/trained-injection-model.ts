import type { InjectionFitOptions } from './fit-injection-detector.js';
import type { PackedInjectionModel } from './injection-model.js';

/** The committed injection model: packed weights, the default threshold, and the data and fit it came from. */
export type TrainedInjectionModel = PackedInjectionModel & {
  /** Probability at or above which an input is flagged, unless the classifier's options say otherwise. */
  readonly threshold: number;
  /** Where the weights came from, so the reproduce test can refit them. */
  readonly provenance: {
    /** Each source, one line. */
    readonly data: readonly string[];
    /** First 16 hex digits of SHA-256 over the source files, in order. */
    readonly dataSha256: string;
    /** Inputs trained on, after de-duplication. */
    readonly inputs: number;
    /** The fit's options. */
    readonly fit: InjectionFitOptions;
  };
};
