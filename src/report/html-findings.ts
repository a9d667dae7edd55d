import { techniqueLabel } from '../core/counts.js';
import { BUG_BAR_CLASSES } from '../taxonomy/bug-bar-class.js';
import type { Finding } from './finding.js';
import { shownFindings } from './finding-order.js';
import type { CellVerdict } from './gates/gate.js';
import { formatPercent } from './format-rate.js';
import { intervalBar, sampleCorrectedLine } from './html-rate.js';
import { scrolling } from './html-scroll.js';
import type { SafeHtml } from './html-template.js';
import { html } from './html-template.js';
import { REFUSAL_BASED } from './refusal-based.js';

/** Findings ranked by concern: severity (MSRC AI bug bar), class or harm, ATLAS and OWASP ids, rate with interval, gates failed. */
export function findingsSection(verdicts: readonly CellVerdict[]): SafeHtml {
  const shown = shownFindings(verdicts);
  const undecided = verdicts.filter((v) => v.finding.status === 'undecided').length;
  const quiet = verdicts.length - shown.length - undecided;
  const notes = [
    quiet > 0 ? `${quiet} measured ${quiet === 1 ? 'cell' : 'cells'} showed no success` : null,
    undecided > 0 ? `${undecided} ${undecided === 1 ? 'cell' : 'cells'} could not be measured (no decided attempt)` : null,
  ].filter((n): n is string => n !== null);
  return html`<section><h2>Findings</h2>
<p>Cells with an observed success or a failed gate, the most concerning first: failing a gate, then severity (MSRC AI bug bar), then the upper end of the rate’s interval.${notes.length === 0 ? null : html` ${notes.join('; ')}; every cell is in the tables below.`}</p>
${shown.length === 0 ? html`<p>No cell showed a success.</p>` : scrolling(html`<table class="stack"><thead><tr><th>severity</th><th>technique</th><th>category</th><th class="num">rate</th><th>95% interval</th><th>class or harm</th><th>ATLAS</th><th>OWASP</th><th>gates failed</th></tr></thead><tbody>
${shown.map(findingRow)}</tbody></table>`)}</section>`;
}

function findingRow(verdict: CellVerdict): SafeHtml {
  const { finding } = verdict;
  const { cell } = finding;
  const severity = finding.severity ?? 'none';
  return html`<tr><td class="lead"><span class="sev sev-${severity}">${severity}</span> <code class="narrow-only">${techniqueLabel(cell)}</code></td><td class="id wide-only"><code>${techniqueLabel(cell)}</code></td><td class="id" data-label="category">${cell.category}${cell.persona === 'benign' ? html` <span class="tag">benign</span>` : null}${cell.refusalBased ? html` <span class="tag">${REFUSAL_BASED}</span>` : null}</td><td class="num rate" data-label="rate">${formatPercent(cell.asr)} <small>${cell.successes} of ${cell.successes + cell.failures}</small></td><td data-label="95% interval">${intervalBar(cell)}${sampleCorrectedLine(cell)}</td><td data-label="class or harm">${what(finding)}</td><td class="inline" data-label="ATLAS">${ids(finding.atlas)}</td><td class="inline" data-label="OWASP">${ids(finding.owasp)}</td><td data-label="gates failed"${verdict.failures.length === 0 ? html` class="wide-only"` : null}>${verdict.failures.length === 0 ? '—' : verdict.failures.map((f) => html`<code class="gate-failed">${f.gate.expression}</code> `)}</td></tr>\n`;
}

function what(finding: Finding): string {
  if (finding.securityClass !== null) return BUG_BAR_CLASSES[finding.securityClass];
  if (finding.harm !== null) return finding.harm;
  return finding.kind;
}

function ids(list: readonly string[]): SafeHtml | string {
  return list.length === 0 ? '—' : html`${list.map((id, i) => html`${i === 0 ? null : ' '}<code>${id}</code>`)}`;
}
