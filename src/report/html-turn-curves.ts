import type { RunSummary, TurnCurve } from '../stats/index.js';
import { formatPercent } from './format-rate.js';
import { scrolling } from './html-scroll.js';
import type { SafeHtml } from './html-template.js';
import { html } from './html-template.js';
import { personaTitle } from './persona-title.js';

// The chart's coordinate box: the plot sits inside the margins, the axes' labels in them.
const WIDTH = 360;
const HEIGHT = 200;
const LEFT = 40;
const RIGHT = 12;
const TOP = 10;
const BOTTOM = 34;
/** Series colours are classes s0 … s5, reused in order. */
const SERIES = 6;

/** Success-by-turn curves of the multi-turn techniques, one chart per persona, as server-side SVG with the figures in a table. */
export function turnCurvesSection(summary: RunSummary): SafeHtml | null {
  if (summary.turnCurves.length === 0) return null;
  const personas = [...new Set(summary.turnCurves.map((c) => c.persona))];
  return html`<section><h2>Success by turn</h2><p>For each multi-turn technique, the share of its decided attempts that had reached the goal by each target turn (cumulative).</p>
${personas.map((persona) => {
    const curves = summary.turnCurves.filter((c) => c.persona === persona);
    return html`${personas.length > 1 ? html`<h3>${personaTitle(persona)}</h3>` : null}${chart(curves)}${legendOf(curves)}${figures(curves)}`;
  })}</section>`;
}

function chart(curves: readonly TurnCurve[]): SafeHtml {
  const turns = Math.max(1, ...curves.map((c) => c.byTurn.length));
  const plotW = WIDTH - LEFT - RIGHT;
  const plotH = HEIGHT - TOP - BOTTOM;
  const x = (turn: number) => LEFT + (turns === 1 ? plotW / 2 : ((turn - 1) / (turns - 1)) * plotW);
  const y = (share: number) => TOP + (1 - Math.min(1, Math.max(0, share))) * plotH;
  const every = Math.ceil(turns / 10);
  const yTicks = [0, 0.25, 0.5, 0.75, 1].map((v) => html`<line class="grid" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${num(y(v))}" y2="${num(y(v))}"></line><text x="${LEFT - 6}" y="${num(y(v) + 4)}" text-anchor="end">${v * 100}%</text>`);
  const xTicks = Array.from({ length: turns }, (_, i) => i + 1).filter((t) => (t - 1) % every === 0 || t === turns)
    .map((t) => html`<text x="${num(x(t))}" y="${HEIGHT - BOTTOM + 14}" text-anchor="middle">${t}</text>`);
  const lines = curves.map((curve, i) => {
    const points = curve.byTurn.map((share, k) => `${num(x(k + 1))},${num(y(share))}`);
    const series = `s${i % SERIES}`;
    return html`${points.length > 1 ? html`<polyline class="${series}" points="${points.join(' ')}"></polyline>` : null}${curve.byTurn.map((share, k) => html`<circle class="${series}" cx="${num(x(k + 1))}" cy="${num(y(share))}" r="2.5"></circle>`)}`;
  });
  // Technique names are in the legend beside it: outside text never goes into an attribute.
  const label = `Cumulative success by target turn, ${curves.length} ${curves.length === 1 ? 'technique' : 'techniques'}`;
  return html`<svg class="chart" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${label}">
${yTicks}<line class="axis" x1="${LEFT}" x2="${LEFT}" y1="${TOP}" y2="${HEIGHT - BOTTOM}"></line><line class="axis" x1="${LEFT}" x2="${WIDTH - RIGHT}" y1="${HEIGHT - BOTTOM}" y2="${HEIGHT - BOTTOM}"></line>
${xTicks}<text x="${LEFT + plotW / 2}" y="${HEIGHT - 4}" text-anchor="middle">target turn</text>
${lines}</svg>`;
}

function legendOf(curves: readonly TurnCurve[]): SafeHtml {
  return html`<ul class="legend">${curves.map((c, i) => html`<li><span class="swatch s${i % SERIES}"></span><code>${c.technique}</code> · ${c.decided} decided${c.byTurn.length === 0 ? ' · never reached the goal' : null}</li>`)}</ul>`;
}

function figures(curves: readonly TurnCurve[]): SafeHtml {
  const turns = Math.max(0, ...curves.map((c) => c.byTurn.length));
  if (turns === 0) return html``;
  const columns = Array.from({ length: turns }, (_, i) => i + 1);
  return html`<details><summary>Figures</summary>${scrolling(html`<table><thead><tr><th>technique</th><th class="num">decided</th>${columns.map((t) => html`<th class="num">turn ${t}</th>`)}</tr></thead><tbody>
${curves.map((c) => html`<tr><td class="id"><code>${c.technique}</code></td><td class="num">${c.decided}</td>${columns.map((t) => html`<td class="num">${formatPercent(c.byTurn[t - 1] ?? c.byTurn[c.byTurn.length - 1] ?? 0)}</td>`)}</tr>\n`)}</tbody></table>`)}</details>`;
}

// Coordinates as short plain numbers.
function num(value: number): string {
  return String(Math.round(value * 10) / 10);
}
