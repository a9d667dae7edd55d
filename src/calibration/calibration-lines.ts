import type { CalibrationResult } from './calibrate.js';
import type { MeasuredRate } from './metrics.js';

const fixed = (value: number | null): string => (value === null ? '—' : value.toFixed(3));
const rate = (r: MeasuredRate): string => `${fixed(r.value)}  [${r.low.toFixed(3)}, ${r.high.toFixed(3)}]  (${r.successes}/${r.n})`;

/** The calibration report as lines of text: metrics with 95% intervals, the confusion matrix, the unscored count. */
export function calibrationLines(result: CalibrationResult): string[] {
  const { matrix: m, metrics } = result;
  const lines = [
    `target: ${result.target.id} (label 1 = ${result.target.positive})`,
    `rows: ${result.rows}  decided: ${metrics.decided}  unscored: ${m.unscored}`,
    `accuracy     ${rate(metrics.accuracy)}`,
    `sensitivity  ${rate(metrics.sensitivity)}`,
    `specificity  ${rate(metrics.specificity)}`,
    `precision    ${fixed(metrics.precision)}`,
    `recall       ${fixed(metrics.recall)}`,
    `F1           ${fixed(metrics.f1)}`,
    `kappa        ${fixed(metrics.kappa)}`,
    '',
    '                 labeled 1   labeled 0',
    `predicted 1   ${String(m.truePositive).padStart(11)} ${String(m.falsePositive).padStart(11)}`,
    `predicted 0   ${String(m.falseNegative).padStart(11)} ${String(m.trueNegative).padStart(11)}`,
  ];
  if (metrics.kappa !== null && metrics.kappa < 0) {
    lines.push('', 'note: kappa is below 0 — the scorer disagrees with the labels more than chance would; is --target right?');
  }
  if (m.unscored > 0 && m.unscored === result.rows) {
    lines.push('', `note: no row was decided — does this scorer answer the '${result.target.id}' question?`);
  }
  return lines;
}
