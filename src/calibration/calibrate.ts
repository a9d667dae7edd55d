import type { Persona } from '../core/outcome.js';
import type { Scorer } from '../core/score.js';
import type { DatasetRow } from '../datasets/dataset-row.js';
import { readBinaryLabel } from './binary-label.js';
import { calibrationTargets, type CalibrationTarget, type CalibrationTargetId } from './calibration-target.js';
import { countConfusion, type ConfusionMatrix } from './confusion.js';
import { agreementMetrics, type AgreementMetrics } from './metrics.js';
import { scoreRows, type ScoredRow } from './score-rows.js';
import type { TranscriptFields } from './transcript-fields.js';

/** A scorer measured against human labels. */
export type CalibrationResult = {
  /** The question the labels answer. */
  readonly target: CalibrationTarget;
  /** Labeled rows read. */
  readonly rows: number;
  /** Predictions against labels; unscored rows counted apart. */
  readonly matrix: ConfusionMatrix;
  /** Metrics over the decided rows. */
  readonly metrics: AgreementMetrics;
  /** Every row's score, in file order. */
  readonly scored: readonly ScoredRow[];
};

/** Scores labeled rows and measures the scorer's agreement with the labels (every label is checked before scoring). */
export async function calibrate(options: {
  rows: readonly DatasetRow[];
  scorer: Scorer;
  labelField: string;
  target: CalibrationTargetId;
  fields: TranscriptFields;
  persona?: Persona;
}): Promise<CalibrationResult> {
  const labels = options.rows.map((row) => readBinaryLabel(row, options.labelField));
  const target = calibrationTargets.find((t) => t.id === options.target)!;
  const scored = await scoreRows(options);
  const matrix = countConfusion(scored.map((s, i) => ({ predicted: target.read(s), actual: labels[i]! })));
  return { target, rows: options.rows.length, matrix, metrics: agreementMetrics(matrix), scored };
}
