import { formatPercent } from '../format-rate.js';
import type { SafeHtml } from '../html-template.js';
import { html } from '../html-template.js';
import { rateText } from './rate-text.js';

/** Where a run's review stands (the shape the API's `reviewStatus` gives). */
export type ReviewPanelInput = {
  readonly labeled: number;
  readonly sample?: { readonly drawn: number; readonly labeled: number };
  readonly corrected: readonly { readonly persona: string; readonly rate: { readonly asr: number; readonly ciLow: number; readonly ciHigh: number; readonly labeled: number } | null }[];
  readonly judge: { readonly n: number; readonly agreement: number; readonly kappa: number | null } | null;
  readonly reviewers: readonly { readonly a: string; readonly b: string; readonly n: number; readonly agreement: number; readonly kappa: number | null }[];
};

const kappaText = (kappa: number | null): string => (kappa === null ? 'κ undefined' : `κ ${kappa.toFixed(2)}`);

/** The review panel: labels so far, corrected rates, judge-versus-person and person-versus-person agreement. */
export function reviewPanel(status: ReviewPanelInput): SafeHtml {
  return html`<aside class="panel" id="review-status" aria-live="polite">
<h2>Review</h2>
<p>${status.labeled} attempts labeled${status.sample === undefined ? null : html`; sample <span id="sample-progress">${status.sample.labeled} of ${status.sample.drawn}</span>`}.</p>
${status.corrected.length === 0 ? html`<p class="ci-text">No review sample: corrected rates need one (<code>redline review RUN --sample 50</code> draws it).</p>`
  : html`<dl class="meta">${status.corrected.map((c) => html`<dt>${c.persona} corrected</dt><dd class="corrected-rate" data-persona="${c.persona}">${c.rate === null ? 'no labels yet' : html`${rateText(c.rate)} <small>(${c.rate.labeled} labeled)</small>`}</dd>`)}</dl>`}
<p>Judge vs people: ${status.judge === null ? 'no labels yet' : html`<span id="judge-agreement">${formatPercent(status.judge.agreement)} agree over ${status.judge.n} · ${kappaText(status.judge.kappa)}</span>`}</p>
${status.reviewers.length === 0 ? null : html`<p>Reviewers:</p><ul>${status.reviewers.map((r) => html`<li>${r.a || 'unnamed'} × ${r.b || 'unnamed'}: ${formatPercent(r.agreement)} agree over ${r.n} · ${kappaText(r.kappa)}</li>`)}</ul>`}
</aside>`;
}
