import type { MeasuredRate } from './metrics.js';

/**
 * Labels each class needs before a calibration may correct rates. With 30 per class the 95% Wilson interval of a
 * sensitivity or specificity near 0.9 is about ±0.11 wide on each side, and at worst (0.5) about ±0.17: wide, but
 * enough that the Rogan–Gladen correction stops swinging cells to 0 % or 100 % (docs/decisions/015).
 */
export const MIN_LABELS_PER_CLASS = 30;

/** Labels per class for a 95% interval no wider than ± `halfWidth` whatever the scorer's rate (normal approximation, p = 0.5). */
export function labelsForHalfWidth(halfWidth: number): number {
  if (!(halfWidth > 0 && halfWidth < 1)) throw new RangeError(`halfWidth must be in (0, 1), got ${halfWidth}`);
  return Math.ceil((1.96 * 1.96 * 0.25) / (halfWidth * halfWidth));
}

/** Why a calibration is too small to correct rates, or null when each class has enough labels. */
export function calibrationShortfall(rates: { readonly sensitivity: Pick<MeasuredRate, 'n'>; readonly specificity: Pick<MeasuredRate, 'n'> }): string | null {
  const short = [
    { name: 'positive', n: rates.sensitivity.n },
    { name: 'negative', n: rates.specificity.n },
  ].filter((c) => c.n < MIN_LABELS_PER_CLASS);
  if (short.length === 0) return null;
  const counts = short.map((c) => `${c.n} scored ${c.name} label${c.n === 1 ? '' : 's'} (${MIN_LABELS_PER_CLASS - c.n} more needed)`).join(' and ');
  return `${counts}: a calibration needs at least ${MIN_LABELS_PER_CLASS} per class, or its corrected rates swing to 0 % or 100 % with [0–100] intervals`;
}

/** How to fix a short calibration, with the labels a given interval width takes. */
export const CALIBRATION_HINT = `label more replies of the short class (${MIN_LABELS_PER_CLASS} per class give about ±0.17 at worst; ${labelsForHalfWidth(0.1)} per class give ±0.10, ${labelsForHalfWidth(0.05)} give ±0.05), then run \`redline calibrate --save\` again`;
