import type { RateFields } from '../stats/index.js';
import { formatInterval, formatPercent } from './format-rate.js';
import type { SafeHtml } from './html-template.js';
import { html } from './html-template.js';

/** Column headings matching `rateCells`. */
export const RATE_HEADINGS = html`<th class="num">trials</th><th class="num">succ</th><th class="num">fail</th><th class="num">err</th><th class="num">unsc</th><th class="num">rate</th><th>95% interval</th>`;

/** Table cells for a row's counts, rate and Wilson interval, the interval drawn as a small bar. */
export function rateCells(rate: RateFields): SafeHtml {
  return html`<td class="num">${rate.trials}</td><td class="num">${rate.successes}</td><td class="num">${rate.failures}</td><td class="num">${rate.errors}</td><td class="num">${rate.unscored}</td><td class="num">${formatPercent(rate.asr)}</td><td>${intervalBar(rate)}</td>`;
}

function intervalBar(rate: RateFields): SafeHtml {
  if (rate.asr === null || rate.ciLow === null || rate.ciHigh === null) return html`<span class="ci-text">no decided attempts</span>`;
  const label = `95% interval ${formatInterval(rate.ciLow, rate.ciHigh)} percent`;
  return html`<span class="ci" role="img" aria-label="${label}"><span class="ci-range" style="left:${percent(rate.ciLow)}%;width:${percent(rate.ciHigh - rate.ciLow)}%"></span><span class="ci-point" style="left:${percent(rate.asr)}%"></span></span><span class="ci-text">${formatInterval(rate.ciLow, rate.ciHigh)}</span>`;
}

// A CSS percentage: always a plain number in [0, 100].
function percent(value: number): string {
  const clamped = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
  return (clamped * 100).toFixed(2);
}
