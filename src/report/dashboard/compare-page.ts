import type { RunComparison } from '../../stats/compare-runs.js';
import type { RateFields } from '../../stats/rate-fields.js';
import { formatInterval, formatPercent, formatPoints } from '../format-rate.js';
import type { SafeHtml } from '../html-template.js';
import { html } from '../html-template.js';
import { attemptPath, dashboardPage, runPath } from './layout.js';
import { rateText } from './rate-text.js';

/** The paired test's figures (the shape the API's `pairedComparison` gives). */
export type PairedInput = {
  readonly paired: number;
  readonly decidedBoth: number;
  readonly mismatched: number;
  readonly successToFailure: number;
  readonly failureToSuccess: number;
  readonly pValue: number;
  readonly flipped: readonly { readonly seq: number; readonly goalId: string; readonly technique: string; readonly chain: string; readonly a: string; readonly b: string }[];
  readonly truncated: boolean;
};

/** One cell's rate across the runs of a target, oldest first. */
export type TrendInput = {
  readonly runs: readonly string[];
  readonly cells: readonly { readonly technique: string; readonly chain?: string; readonly category: string; readonly persona: string; readonly points: readonly { readonly runId: string; readonly rate: RateFields | null }[] }[];
};

/** A tiny line of a cell's rate over runs (server-drawn SVG; gaps where a run lacks the cell). */
function sparkline(points: readonly { readonly rate: RateFields | null }[]): SafeHtml {
  const width = 120;
  const step = points.length < 2 ? 0 : width / (points.length - 1);
  const coords = points.flatMap((p, i) => (p.rate?.asr === null || p.rate === null ? [] : [`${(i * step).toFixed(1)},${(20 - p.rate.asr! * 18 - 1).toFixed(1)}`]));
  return html`<svg class="spark" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="rate over ${points.length} runs"><polyline points="${coords.join(' ')}"/></svg>`;
}

/** The compare page: run choice, per-cell rates with intervals and verdicts, the paired test with flipped attempts, and the trend. */
export function comparePage(input: {
  readonly runs: readonly { readonly id: string; readonly targetId: string; readonly createdAt: number }[];
  readonly a?: string;
  readonly b?: string;
  readonly comparison?: RunComparison;
  readonly paired?: PairedInput;
  readonly trend?: TrendInput;
  readonly reviewer?: string;
}): string {
  const option = (chosen: string | undefined) => input.runs.map((r) => html`<option value="${r.id}" ${r.id === chosen ? 'selected' : ''}>${r.id} · ${r.targetId}</option>`);
  const form = html`<form class="filters" method="get" action="/compare"><label>baseline A<select name="a">${option(input.a)}</select></label><label>run B<select name="b">${option(input.b)}</select></label><button type="submit">Compare</button></form>`;
  const c = input.comparison;
  const cells = c === undefined ? null : html`<h2>Cells</h2>
<p>${c.targetChanged ? html`<strong>The target configuration changed between the runs.</strong> ` : null}Fisher exact test per cell, p adjusted (${c.adjustment}) over the ${c.cells.length} cells; a change needs q ≤ ${c.alpha}. ${Object.entries(c.counts).map(([verdict, n]) => `${n} ${verdict}`).join(' · ')}.</p>
<div class="scroll"><table id="compare-cells"><thead><tr><th>technique</th><th>chain</th><th>category</th><th>persona</th><th>A</th><th>B</th><th class="num">B − A</th><th>95% interval</th><th class="num">q</th><th>verdict</th></tr></thead><tbody>
${c.cells.map((cell) => html`<tr><td class="id"><code>${cell.technique}</code></td><td class="id"><code>${cell.chain}</code></td><td>${cell.category}</td><td>${cell.persona}</td><td>${rateText(cell.a)}</td><td>${rateText(cell.b)}</td><td class="num">${cell.difference === null ? '—' : formatPoints(cell.difference.estimate)}</td><td>${cell.difference === null ? '—' : formatInterval(cell.difference.low, cell.difference.high)}</td><td class="num">${cell.q === null ? '—' : cell.q.toPrecision(2)}</td><td>${cell.verdict === 'regression' ? html`<strong>regression</strong>` : cell.verdict}${cell.reason === null ? null : html` <small>(${cell.reason})</small>`}</td></tr>
`)}</tbody></table></div>
${c.sampleCorrected === undefined ? null : html`<h2>Corrected by each run's human-labeled sample</h2><div class="scroll"><table id="compare-sampled"><thead><tr><th>persona</th><th>A corrected</th><th>B corrected</th><th class="num">B − A</th><th>95% interval</th></tr></thead><tbody>${c.sampleCorrected.map((s) => html`<tr><td>${s.persona}</td><td>${rateText(s.a)}</td><td>${rateText(s.b)}</td><td class="num">${s.difference === null ? '—' : formatPoints(s.difference.estimate)}</td><td>${s.difference === null ? '—' : formatInterval(s.difference.low, s.difference.high)}</td></tr>`)}</tbody></table></div>`}`;
  const p = input.paired;
  const paired = p === undefined || input.a === undefined || input.b === undefined ? null : html`<h2>Paired by plan position</h2>
${p.paired === 0 ? html`<p id="paired">No attempts pair by plan position (the runs planned different attempts), so only the unpaired cell tests above apply.</p>` : html`<p id="paired">${p.paired} attempts pair (same goal, technique, chain and trial at the same position), ${p.decidedBoth} decided in both${p.mismatched > 0 ? `, ${p.mismatched} positions differ` : ''}. Exact McNemar test over the discordant pairs: ${p.failureToSuccess} failure → success, ${p.successToFailure} success → failure, p = ${p.pValue.toPrecision(3)}.</p>
${p.flipped.length === 0 ? null : html`<div class="scroll"><table id="flipped"><thead><tr><th class="num">#</th><th>goal</th><th>technique</th><th>chain</th><th>A</th><th>B</th></tr></thead><tbody>${p.flipped.map((f) => html`<tr><td class="num"><a href="${attemptPath(input.a!, f.seq)}">${f.seq}</a> / <a href="${attemptPath(input.b!, f.seq)}">${f.seq}</a></td><td class="id"><code>${f.goalId}</code></td><td class="id"><code>${f.technique}</code></td><td class="id"><code>${f.chain}</code></td><td>${f.a}</td><td>${f.b}</td></tr>`)}</tbody></table></div>${p.truncated ? html`<p>More flipped attempts than listed.</p>` : null}`}`}`;
  const t = input.trend;
  const trend = t === undefined || t.runs.length < 2 ? null : html`<h2>Trend over the ${t.runs.length} runs of this target</h2>
<div class="scroll"><table id="trend"><thead><tr><th>technique</th><th>chain</th><th>category</th><th>persona</th><th>rate by run (oldest first)</th><th>latest</th></tr></thead><tbody>
${t.cells.map((cell) => html`<tr><td class="id"><code>${cell.technique}</code></td><td class="id"><code>${cell.chain ?? 'none'}</code></td><td>${cell.category}</td><td>${cell.persona}</td><td>${sparkline(cell.points)} <small>${cell.points.map((pt) => (pt.rate === null ? '—' : formatPercent(pt.rate.asr))).join(' → ')}</small></td><td>${rateText(cell.points.at(-1)?.rate)}</td></tr>
`)}</tbody></table></div>`;
  const body = html`<h1>Compare runs</h1>
${input.runs.length < 2 ? html`<p>Compare needs two stored runs.</p>` : form}
${input.a === undefined || input.b === undefined ? null : html`<p><a href="${runPath(input.a)}"><code>${input.a}</code></a> (A) against <a href="${runPath(input.b)}"><code>${input.b}</code></a> (B).</p>`}
${cells}${paired}${trend}`;
  return dashboardPage({ title: 'Compare runs', ...(input.reviewer === undefined ? {} : { reviewer: input.reviewer }) }, body);
}
