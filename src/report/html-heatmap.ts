import { techniqueLabel } from '../core/counts.js';
import type { Persona } from '../core/outcome.js';
import type { RateFields, RunSummary } from '../stats/index.js';
import { formatInterval, formatPercent } from './format-rate.js';
import { scrolling } from './html-scroll.js';
import type { SafeHtml } from './html-template.js';
import { html } from './html-template.js';
import { personaTitle } from './persona-title.js';

/** The colour class of a rate: `heat-0` … `heat-9` by tenths, `heat-na` when nothing was decided. */
export function heatClass(rate: number | null): string {
  if (rate === null || !Number.isFinite(rate)) return 'heat-na';
  return `heat-${Math.min(9, Math.max(0, Math.floor(rate * 10)))}`;
}

/** What a grid shows: its row and column labels and the rate at each crossing (undefined when none was attempted). */
type Grid = {
  readonly corner: string;
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  readonly at: (row: string, column: string) => RateFields | undefined;
};

/**
 * Technique × category grids per persona, coloured by rate with each interval beneath, and technique × converter
 * chain grids (pooled over categories) when the run used more than one chain; nothing for an empty run.
 */
export function heatmapSection(summary: RunSummary): SafeHtml | null {
  if (summary.cells.length === 0) return null;
  const multiChain = new Set(summary.techniqueChains.map((r) => r.chain)).size > 1;
  const grids = summary.overall.map(({ persona, rateName }) => {
    const cells = summary.cells.filter((c) => c.persona === persona);
    const byCategory = grid({
      corner: 'technique', rows: unique(cells.map((c) => techniqueLabel(c))), columns: unique(cells.map((c) => c.category)),
      at: (row, column) => cells.find((c) => techniqueLabel(c) === row && c.category === column),
    });
    const chains = summary.techniqueChains.filter((r) => r.persona === persona);
    const byChain = multiChain ? grid({
      corner: 'technique', rows: unique(chains.map((r) => r.technique)), columns: unique(chains.map((r) => r.chain)),
      at: (row, column) => chains.find((r) => r.technique === row && r.chain === column),
    }) : null;
    return html`<h3>${personaTitle(persona as Persona)} — ${rateName}</h3>
<p class="role">technique × category</p>${byCategory}
${byChain === null ? null : html`<p class="role">technique × converter chain, pooled over categories</p>${byChain}`}`;
  });
  return html`<section><h2>Heatmap</h2><p>Each cell’s rate, darker for higher, with its 95% interval beneath; a blank cell was not attempted, “—” had no decided attempt.</p>
${legend()}${grids}</section>`;
}

function grid(input: Grid): SafeHtml {
  return scrolling(html`<table class="heat"><thead><tr><th>${input.corner}</th>${input.columns.map((c) => html`<th class="id">${c}</th>`)}</tr></thead><tbody>
${input.rows.map((row) => html`<tr><th class="id"><code>${row}</code></th>${input.columns.map((column) => square(input.at(row, column)))}</tr>\n`)}</tbody></table>`);
}

// The tooltip holds counts only: outside text never goes into an attribute.
function square(rate: RateFields | undefined): SafeHtml {
  if (rate === undefined) return html`<td class="heat-none"></td>`;
  const title = `${rate.successes} of ${rate.successes + rate.failures} decided, ${rate.errors} errors, ${rate.unscored} unscored`;
  return html`<td class="heat ${heatClass(rate.asr)}" title="${title}">${formatPercent(rate.asr)}${rate.asr === null ? null : html`<small>${formatInterval(rate.ciLow, rate.ciHigh)}</small>`}</td>`;
}

function legend(): SafeHtml {
  const steps = Array.from({ length: 10 }, (_, i) => html`<li class="heat-${i}">${i * 10}–${i === 9 ? 100 : i * 10 + 10}%</li>`);
  return html`<ul class="heat-legend" aria-label="colour scale">${steps}<li class="heat-na">undecided</li></ul>`;
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
