import type { ScorerOptions } from '../scorers/scorer-options.js';
import type { CalibrationResult } from './calibrate.js';
import type { MeasuredRate } from './metrics.js';

/** What `redline calibrate --save` writes: a scorer's measured error rates, for scorer-corrected attack success rates. */
export type SavedCalibration = {
  /** Format version of this record. */
  readonly format: 1;
  /** The scorer's options (its id among them), as the scorer was built. */
  readonly scorer: ScorerOptions;
  /** The scorer descriptor's version: a new version needs a new calibration. */
  readonly scorerVersion: number;
  /** For an LLM judge: the judge model it asked (id and configuration hash), which a run must ask too. */
  readonly judge?: string;
  /** The calibration target ('refusal' or 'objective') and what its positive label means. */
  readonly target: { readonly id: string; readonly positive: string };
  /** The labeled file measured on. */
  readonly input: string;
  /** Rows read, and rows the scorer could not tell (left out of the rates). */
  readonly rows: number;
  readonly unscored: number;
  /** P(predicted positive | labeled positive), with counts and its 95% Wilson interval. */
  readonly sensitivity: MeasuredRate;
  /** P(predicted negative | labeled negative), with counts and its 95% Wilson interval. */
  readonly specificity: MeasuredRate;
};

/** The record `--save` writes for a calibration result. */
export function savedCalibration(result: CalibrationResult, about: { input: string; scorer: ScorerOptions; scorerVersion: number; judge?: string | undefined }): SavedCalibration {
  return {
    format: 1,
    scorer: about.scorer,
    scorerVersion: about.scorerVersion,
    ...(about.judge === undefined ? {} : { judge: about.judge }),
    target: { id: result.target.id, positive: result.target.positive },
    input: about.input,
    rows: result.rows,
    unscored: result.matrix.unscored,
    sensitivity: result.metrics.sensitivity,
    specificity: result.metrics.specificity,
  };
}
