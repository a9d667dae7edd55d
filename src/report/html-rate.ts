import type { RateFields, SampledFields } from '../stats/index.js';
import { formatInterval, formatPercent } from './format-rate.js';
import type { SafeHtml } from './html-template.js';
import { html } from './html-template.js';

/** Column headings matching `rateCells`. */
export const RATE_HEADINGS = html`<th class="num">trials</th><th class="num">succ</th><th class="num">fail</th><th class="num">err</th><th class="num">unsc</th><th class="num">rate</th><th>95% interval</th>`;

/** Table cells (labelled for the stacked layout of a narrow screen) for a row's counts, rate and Wilson interval (drawn as a small bar), and its human-sample-corrected rate when it has one. */
export function rateCells(rate: RateFields & SampledFields): SafeHtml {
  return html`<td class="num" data-label="trials">${rate.trials}</td><td class="num" data-label="succ">${rate.successes}</td><td class="num" data-label="fail">${rate.failures}</td><td class="num" data-label="err">${rate.errors}</td><td class="num" data-label="unsc">${rate.unscored}</td><td class="num rate" data-label="rate">${formatPercent(rate.asr)}</td><td data-label="95% interval">${intervalBar(rate)}${sampleCorrectedLine(rate)}</td>`;
}

/** The Wilson interval as a tiny inline SVG (no style attribute: geometry only) beside its figures. */
export function intervalBar(rate: Pick<RateFields, 'asr' | 'ciLow' | 'ciHigh'>): SafeHtml {
  if (rate.asr === null || rate.ciLow === null || rate.ciHigh === null) return html`<span class="ci-text">no decided attempts</span>`;
  const label = `95% interval ${formatInterval(rate.ciLow, rate.ciHigh)} percent`;
  const low = percent(rate.ciLow);
  const width = Math.max(0, percent(rate.ciHigh) - low);
  return html`<svg class="ci" viewBox="0 0 100 12" preserveAspectRatio="none" role="img" aria-label="${label}"><rect class="ci-axis" x="0" y="5.5" width="100" height="1"></rect><rect class="ci-range" x="${fixed(low)}" y="2" width="${fixed(Math.max(width, 0.5))}" height="8" rx="1"></rect><rect class="ci-point" x="${fixed(Math.min(98.5, Math.max(0, percent(rate.asr) - 0.75)))}" y="0" width="1.5" height="12"></rect></svg><span class="ci-text">${formatInterval(rate.ciLow, rate.ciHigh)}</span>`;
}

/** The rate a person would have found, from the run's labeled review sample; nothing without one. */
export function sampleCorrectedLine(rate: SampledFields): SafeHtml | null {
  if (rate.sampleCorrected === undefined) return null;
  if (rate.sampleCorrected === null) return html`<div class="corrected">human-sample-corrected: none labeled</div>`;
  const c = rate.sampleCorrected;
  return html`<div class="corrected">human-sample-corrected ${formatPercent(c.asr)} ${formatInterval(c.ciLow, c.ciHigh)} · ${c.labeled} labeled</div>`;
}

// A coordinate in the 0–100 viewBox: always a plain number in [0, 100].
function percent(value: number): number {
  const clamped = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  return clamped * 100;
}

function fixed(value: number): string {
  return value.toFixed(2);
}
