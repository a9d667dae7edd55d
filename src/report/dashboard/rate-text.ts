import { formatInterval, formatPercent } from '../format-rate.js';
import type { SafeHtml } from '../html-template.js';
import { html } from '../html-template.js';

/** A rate with its interval and its counts, as one compact cell: "42.0% [35.1–49.2] 84/200". */
export function rateText(rate: { readonly asr: number | null; readonly ciLow: number | null; readonly ciHigh: number | null; readonly successes?: number; readonly failures?: number } | null | undefined): SafeHtml {
  if (rate === null || rate === undefined || rate.asr === null) return html`<span class="ci-text">no decided attempts</span>`;
  return html`<strong>${formatPercent(rate.asr)}</strong> <span class="ci-text">${formatInterval(rate.ciLow, rate.ciHigh)}${
    rate.successes === undefined || rate.failures === undefined ? null : html` · ${rate.successes}/${rate.successes + rate.failures}`}</span>`;
}

/** An outcome as a small badge. */
export function outcomeBadge(outcome: string): SafeHtml {
  return html`<span class="badge ${outcome}">${outcome}</span>`;
}
