import { sampleRows } from './sample-lines.js';
import { REFUSAL_BASED, REFUSAL_BASED_NOTE } from './refusal-based.js';
import { techniqueLabel } from '../core/counts.js';
import type { CellRow, PooledFields, RunSummary } from '../stats/index.js';
import type { ExampleAttempt } from './example-attempt.js';
import { formatInterval, formatPercent, formatPoints } from './format-rate.js';
import { personaTitle } from './persona-title.js';
import type { SafeHtml } from './html-template.js';
import { html } from './html-template.js';
import { RATE_HEADINGS, rateCells } from './html-rate.js';
import { renderExampleGroup } from './html-transcript.js';
import type { AttemptLinks } from './attempt-link.js';
import { scrolling } from './html-scroll.js';

const clustered = (row: PooledFields): SafeHtml => html`<td data-label="95% over goals">${row.goalClustered === null ? '—' : html`${formatInterval(row.goalClustered.low, row.goalClustered.high)} <small>(${row.goalClustered.goals} goals)</small>`}</td>`;

/** The overall table: one row per persona with what its rate measures, and its interval over goals. */
export function overallTable(summary: RunSummary): SafeHtml {
  return html`${scrolling(html`<table class="stack"><thead><tr><th>persona</th><th>measure</th>${RATE_HEADINGS}<th>95% over goals</th></tr></thead><tbody>
${summary.overall.map((row) => html`<tr><td class="lead">${row.persona}</td><td data-label="measure">${row.rateName}</td>${rateCells(row)}${clustered(row)}</tr>\n`)}</tbody></table>`)}
<p>Pooled rows carry two intervals: Wilson (in the bar) treats every attempt as independent; “over goals” is a cluster bootstrap that resamples goals, so it widens with the variation between goals: read it for “goals like these”.</p>`;
}

/** Technique × converter chain rows pooled over categories (shown when the run used more than one chain). */
export function techniqueChainTable(summary: RunSummary): SafeHtml | null {
  if (new Set(summary.techniqueChains.map((r) => r.chain)).size < 2) return null;
  return html`<section><h2>By technique × converter chain</h2><p>Each technique’s rate under each converter chain, pooled over categories: the effect of each converter.</p>
${scrolling(html`<table class="stack"><thead><tr><th>technique</th><th>chain</th><th>persona</th>${RATE_HEADINGS}<th>95% over goals</th></tr></thead><tbody>
${summary.techniqueChains.map((row) => html`<tr><td class="id lead"><code>${row.technique}</code></td><td class="id" data-label="chain"><code>${row.chain}</code></td><td data-label="persona">${row.persona}</td>${rateCells(row)}${clustered(row)}</tr>\n`)}</tbody></table>`)}</section>`;
}

/** One section per persona: its cells, then each cell's example transcripts (outside the table, so they read on a phone). */
export function personaSections(summary: RunSummary, options: { readonly examples: readonly ExampleAttempt[]; readonly links: AttemptLinks }): SafeHtml[] {
  return summary.overall.map((overall) => {
    const rows = summary.cells.filter((cell) => cell.persona === overall.persona);
    const groups = rows.map((cell) => renderExampleGroup(options.examples.filter((example) => belongsTo(example, cell)), { links: options.links, title: cellTitle(cell) }));
    return html`<section><h2>${personaTitle(overall.persona)} — ${overall.rateName}</h2>
${scrolling(html`<table class="stack"><thead><tr><th>technique</th><th>category</th>${RATE_HEADINGS}</tr></thead><tbody>
${rows.map(cellRow)}</tbody></table>`)}
${groups.some((g) => g !== null) ? html`<h3>Example transcripts</h3>${groups}` : null}</section>`;
  });
}

/** Examples that match no cell of the summary, so none is silently dropped. */
export function unmatchedExamples(summary: RunSummary, examples: readonly ExampleAttempt[]): ExampleAttempt[] {
  return examples.filter((example) => !summary.cells.some((cell) => belongsTo(example, cell)));
}

/** The per-goal table with pass@k. */
export function goalTable(summary: RunSummary): SafeHtml {
  return html`${scrolling(html`<table><thead><tr><th>goal</th><th>category</th><th>persona</th><th class="num">trials</th><th class="num">decided</th><th class="num">succ</th><th class="num">k</th><th class="num">pass@k</th></tr></thead><tbody>
${summary.goals.map((goal) => html`<tr><td class="id"><code>${goal.goalId}</code></td><td>${goal.category}</td><td>${goal.persona}</td><td class="num">${goal.trials}</td><td class="num">${goal.decided}</td><td class="num">${goal.successes}</td><td class="num">${goal.k}</td><td class="num">${formatPercent(goal.passAtK)}</td></tr>\n`)}</tbody></table>`)}`;
}

/** Human-sample-corrected rates beside the raw ones: each persona overall, then each technique × chain with labels. */
export function sampleTable(summary: RunSummary): SafeHtml {
  return html`${scrolling(html`<table><thead><tr><th>rows</th><th></th><th class="num">raw</th><th>95% interval</th><th class="num">corrected</th><th>95% interval</th><th class="num">labeled</th></tr></thead><tbody>
${sampleRows(summary).map((r) => html`<tr><td class="id"><code>${r.label[0]}</code></td><td>${r.label[1]}</td><td class="num">${formatPercent(r.asr)}</td><td>${formatInterval(r.ciLow, r.ciHigh)}</td><td class="num">${formatPercent(r.corrected.asr)}</td><td>${formatInterval(r.corrected.ciLow, r.corrected.ciHigh)}</td><td class="num">${r.corrected.labeled}</td></tr>\n`)}</tbody></table>`)}`;
}

/** Scorer-corrected rates beside the raw ones, for cells decided by the calibrated scorer. */
export function correctedTable(summary: RunSummary): SafeHtml {
  return html`${scrolling(html`<table><thead><tr><th>technique</th><th>category</th><th class="num">raw</th><th>95% interval</th><th class="num">corrected</th><th>95% interval</th></tr></thead><tbody>
${summary.cells.filter((c) => c.corrected !== null).map((c) => html`<tr><td class="id"><code>${techniqueLabel(c)}</code></td><td>${c.category}</td><td class="num">${formatPercent(c.asr)}</td><td>${formatInterval(c.ciLow, c.ciHigh)}</td><td class="num">${formatPercent(c.corrected!.rate)}</td><td>${formatInterval(c.corrected!.low, c.corrected!.high)}</td></tr>\n`)}</tbody></table>`)}`;
}

/** Counterfactual disparities: each pair of values' rates and their difference with its interval. */
export function disparityTable(summary: RunSummary): SafeHtml {
  return html`${scrolling(html`<table><thead><tr><th>attribute</th><th>A</th><th>B</th><th class="num">rate A</th><th class="num">rate B</th><th class="num">A − B</th><th>95% interval</th><th></th></tr></thead><tbody>
${summary.disparities.map((d) => html`<tr><td>${d.attribute}</td><td>${d.valueA}</td><td>${d.valueB}</td><td class="num">${formatPercent(d.rateA)}</td><td class="num">${formatPercent(d.rateB)}</td><td class="num">${formatPoints(d.difference)}</td><td>${formatInterval(d.ciLow, d.ciHigh)}</td><td>${d.significant ? html`<strong>disparity</strong>` : null}</td></tr>
`)}</tbody></table>`)}`;
}

function cellRow(cell: CellRow): SafeHtml {
  return html`<tr><td class="id lead"><code>${techniqueLabel(cell)}</code></td><td class="id" data-label="category">${cell.category}${cell.refusalBased ? html` <span class="tag" title="${REFUSAL_BASED_NOTE}">${REFUSAL_BASED}</span>` : null}</td>${rateCells(cell)}</tr>\n`;
}

function cellTitle(cell: CellRow): SafeHtml {
  return html`<code>${techniqueLabel(cell)}</code> × ${cell.category}`;
}

function belongsTo(example: ExampleAttempt, cell: CellRow): boolean {
  return example.technique === cell.technique && example.chainId === cell.chain && example.category === cell.category && example.persona === cell.persona;
}
