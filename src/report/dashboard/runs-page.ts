import type { Persona } from '../../core/outcome.js';
import type { RateFields } from '../../stats/rate-fields.js';
import { formatPercent } from '../format-rate.js';
import type { SafeHtml } from '../html-template.js';
import { html } from '../html-template.js';
import { dashboardPage, runPath } from './layout.js';
import { rateText } from './rate-text.js';

/** A run as the runs page lists it (the shape `listRuns` gives). */
export type RunsPageRow = {
  /** The stored run. */
  readonly run: { readonly id: string; readonly targetId: string; readonly simulated: boolean; readonly planned: number; readonly createdAt: number };
  /** Status as listed (`stale` for a running run whose process is gone). */
  readonly status: string;
  /** Attempts stored. */
  readonly recorded: number;
  /** errors / recorded. */
  readonly errorRate: number | null;
  /** Each persona's pooled rate. */
  readonly rates: readonly (RateFields & { readonly persona: Persona })[];
};

/** The runs page: every stored run, newest first, with progress (live while running), errors and headline rates. */
export function runsPage(input: { readonly rows: readonly RunsPageRow[]; readonly location: string; readonly reviewer?: string }): string {
  const rows = input.rows.map((row) => html`<tr>
<td class="id"><a href="${runPath(row.run.id)}"><code>${row.run.id}</code></a></td>
<td class="id"><code>${row.run.targetId}</code>${row.run.simulated ? html` <span class="tag">simulated</span>` : null}</td>
<td>${row.status === 'failed' ? html`<strong>failed</strong>` : row.status === 'stale' ? html`<strong>stale</strong> <small>(its process is gone: resume it)</small>` : row.status}</td>
<td class="num status-live" ${row.status === 'running' ? html`data-progress="${row.run.id}"` : null}>${row.recorded} / ${row.run.planned}</td>
<td class="num">${formatPercent(row.errorRate)}</td>
<td>${rateCell(row, 'malicious')}</td>
<td>${rateCell(row, 'benign')}</td>
<td>${new Date(row.run.createdAt).toISOString().replace('T', ' ').slice(0, 16)}</td>
</tr>`);
  const body = html`<h1>Runs</h1>
<p class="ci-text">Store <code>${input.location}</code>. Attack success rate = successes / decided attempts of malicious goals; over-refusal rate = the same for benign goals; each with its Wilson 95% interval.</p>
${input.rows.length === 0 ? html`<p>No runs stored yet: run <code>redline scan</code> first.</p>` : html`<div class="scroll"><table id="runs"><thead><tr><th>run</th><th>target</th><th>status</th><th class="num">recorded / planned</th><th class="num">errors</th><th>attack success rate</th><th>over-refusal rate</th><th>created (UTC)</th></tr></thead><tbody>
${rows}</tbody></table></div>`}`;
  return dashboardPage({ title: 'Runs', ...(input.reviewer === undefined ? {} : { reviewer: input.reviewer }) }, body);
}

function rateCell(row: RunsPageRow, persona: Persona): SafeHtml | string {
  const rate = row.rates.find((r) => r.persona === persona);
  return rate === undefined ? '—' : rateText(rate);
}
