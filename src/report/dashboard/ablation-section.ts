import type { SafeHtml } from '../html-template.js';
import { html } from '../html-template.js';
import { rateText } from './rate-text.js';

type Rate = { readonly count: number; readonly of: number; readonly rate: number | null; readonly low: number | null; readonly high: number | null };
type Difference = { readonly difference: number | null; readonly low: number | null; readonly high: number | null; readonly pairs: number; readonly mcNemar: { readonly pValue: number } };

/** A defense ablation (the shape the API's `layerAblation` gives). */
export type AblationInput = {
  readonly arms: readonly { readonly runId: string; readonly rewriting: readonly string[] }[];
  readonly filters: readonly string[];
  readonly rewriting: readonly string[];
  readonly notRun: readonly string[];
  readonly multiTurnLeftOut: number;
  readonly attempts: Readonly<Record<string, number>>;
  readonly rows: readonly {
    readonly name: string;
    readonly attack: Rate;
    readonly falseBlock: Rate;
    readonly benignRefused: Rate;
    readonly paired: { readonly against: string; readonly attack: Difference; readonly benignRefused: Difference } | null;
    readonly cost: { readonly tokensPer1k: number | null; readonly usdPer1k: number | null };
  }[];
  readonly latency: readonly { readonly layer: string; readonly decisions: number; readonly medianMs: number; readonly p95Ms: number }[];
  readonly sweeps: readonly { readonly layer: string; readonly points: readonly { readonly threshold: number; readonly attack: Rate; readonly falseBlock: Rate }[] }[];
};

const asRate = (r: Rate) => (r.rate === null ? null : { asr: r.rate, ciLow: r.low, ciHigh: r.high, successes: r.count, failures: r.of - r.count });

/** A signed difference in points with its interval: "−12.5 [−20.1, −4.9]". */
export function differenceText(d: Difference | undefined): string {
  if (d === undefined || d.difference === null) return '—';
  const points = (x: number) => `${x > 0 ? '+' : x < 0 ? '−' : ''}${Math.abs(x * 100).toFixed(1)}`;
  return `${points(d.difference)} [${points(d.low!)}, ${points(d.high!)}]`;
}

/** Target spend per 1,000 requests: dollars when priced, else tokens. */
export function costText(cost: { readonly tokensPer1k: number | null; readonly usdPer1k: number | null }): string {
  if (cost.usdPer1k !== null) return `$${cost.usdPer1k.toFixed(cost.usdPer1k < 1 ? 4 : 2)}`;
  return cost.tokensPer1k === null ? '—' : `${Math.round(cost.tokensPer1k).toLocaleString('en-US')} tokens`;
}

/** The defense ablation table: each configuration's attack success, false blocks and cost, with intervals and paired differences. */
export function ablationSection(ablation: AblationInput): SafeHtml {
  return html`<section id="ablation"><h2>Defense ablation</h2>
<p>Computed from ${ablation.arms.length === 1 ? 'this run’s' : `${ablation.arms.length} runs’`} recorded layer decisions (the guarded target observed, so every set of filters is exact for single-turn attempts): ${ablation.attempts['malicious'] ?? 0} malicious and ${ablation.attempts['benign'] ?? 0} benign decided attempts. Δ is the paired difference in points against the neighbour configuration (same plan positions; 95% interval widened for goals; exact McNemar p).</p>
<div class="scroll"><table><thead><tr><th>configuration</th><th>attack success</th><th>Δ attack</th><th class="num">p</th><th>false blocks on benign</th><th>benign refused or blocked</th><th>Δ benign</th><th class="num">target per 1,000 requests</th></tr></thead><tbody>
${ablation.rows.map((row) => html`<tr><td class="id"><code>${row.name}</code></td><td>${rateText(asRate(row.attack))}</td><td>${row.paired === null ? '' : html`${differenceText(row.paired.attack)} <span class="ci-text">vs ${row.paired.against}</span>`}</td><td class="num">${row.paired === null ? '' : row.paired.attack.mcNemar.pValue.toPrecision(2)}</td><td>${rateText(asRate(row.falseBlock))}</td><td>${rateText(asRate(row.benignRefused))}</td><td>${row.paired === null ? '' : differenceText(row.paired.benignRefused)}</td><td class="num">${costText(row.cost)}</td></tr>`)}
</tbody></table></div>
${ablation.latency.length === 0 ? null : html`<p>Added latency: ${ablation.latency.map((l) => html`<code>${l.layer}</code> median ${l.medianMs.toFixed(2)} ms, p95 ${l.p95Ms.toFixed(2)} ms; `)}</p>`}
${ablation.sweeps.map((sweep) => html`<details><summary>Threshold sweep of <code>${sweep.layer}</code> alone (from the recorded scores)</summary><div class="scroll"><table><thead><tr><th class="num">threshold</th><th>attack success</th><th>false blocks</th></tr></thead><tbody>
${sweep.points.map((p) => html`<tr><td class="num">${p.threshold.toFixed(1)}</td><td>${rateText(asRate(p.attack))}</td><td>${rateText(asRate(p.falseBlock))}</td></tr>`)}
</tbody></table></div></details>`)}
${ablation.notRun.length === 0 ? null : html`<p>Not computed (each needs a run with its set of rewriting layers applied; <code>redline defend --config</code> runs them): ${ablation.notRun.map((n) => html`<code>${n}</code> `)}</p>`}
${ablation.multiTurnLeftOut === 0 ? null : html`<p>Left out: ${ablation.multiTurnLeftOut} multi-turn attempts (a block changes the turns after it).</p>`}
</section>`;
}

