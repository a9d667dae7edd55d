import type { SafeHtml } from '../html-template.js';
import { html } from '../html-template.js';
import { rateText } from './rate-text.js';

type Rate = { readonly count: number; readonly of: number; readonly rate: number | null; readonly low: number | null; readonly high: number | null };

/** The ablation of an observed run (the shape the API's `layerAblation` gives). */
export type AblationInput = {
  readonly filters: readonly string[];
  readonly rewriting: readonly string[];
  readonly multiTurnLeftOut: number;
  readonly attempts: Readonly<Record<string, number>>;
  readonly rows: readonly { readonly name: string; readonly attack: Rate; readonly againstNone: { readonly successToFailure: number; readonly pValue: number }; readonly falseBlock: Rate }[];
  readonly latency: readonly { readonly layer: string; readonly decisions: number; readonly medianMs: number; readonly p95Ms: number }[];
};

const asRate = (r: Rate) => (r.rate === null ? null : { asr: r.rate, ciLow: r.low, ciHigh: r.high, successes: r.count, failures: r.of - r.count });

/** The defense ablation table: each filter configuration's attack success and false blocks, with intervals. */
export function ablationSection(ablation: AblationInput): SafeHtml {
  return html`<section id="ablation"><h2>Defense ablation</h2>
<p>Computed from this run's recorded layer decisions (the guarded target observed, so every filter subset is exact for single-turn attempts): ${ablation.attempts['malicious'] ?? 0} malicious and ${ablation.attempts['benign'] ?? 0} benign decided attempts.</p>
<div class="scroll"><table><thead><tr><th>configuration</th><th>attack success</th><th class="num">stopped</th><th class="num">p (McNemar)</th><th>false blocks on benign</th></tr></thead><tbody>
${ablation.rows.map((row) => html`<tr><td class="id"><code>${row.name}</code></td><td>${rateText(asRate(row.attack))}</td><td class="num">${row.againstNone.successToFailure}</td><td class="num">${row.againstNone.pValue.toPrecision(2)}</td><td>${rateText(asRate(row.falseBlock))}</td></tr>`)}
</tbody></table></div>
${ablation.latency.length === 0 ? null : html`<p>Added latency: ${ablation.latency.map((l) => html`<code>${l.layer}</code> median ${l.medianMs.toFixed(2)} ms, p95 ${l.p95Ms.toFixed(2)} ms; `)}</p>`}
${ablation.rewriting.length === 0 ? null : html`<p>Not computed (they rewrite traffic: one scan per configuration): ${ablation.rewriting.map((l) => html`<code>${l}</code> `)}</p>`}
${ablation.multiTurnLeftOut === 0 ? null : html`<p>Left out: ${ablation.multiTurnLeftOut} multi-turn attempts.</p>`}
</section>`;
}
