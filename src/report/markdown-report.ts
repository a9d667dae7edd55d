import { hasRefusalBased, REFUSAL_BASED, REFUSAL_BASED_NOTE } from './refusal-based.js';
import { techniqueLabel } from '../core/counts.js';
import { GATE_BOUND_NAMES } from '../taxonomy/gate-expression.js';
import type { CellVerdict, GatedRun, GateOutcome } from './gates/gate.js';
import { gateTally } from './gates/evaluate-gates.js';
import { shownFindings } from './finding-order.js';
import { formatInterval, formatPercent } from './format-rate.js';
import { escapeMarkdown } from './escape-markdown.js';

/** How much the Markdown summary shows. */
export type MarkdownOptions = {
  /** Findings in the table (default 10). */
  readonly top?: number;
};

/** Renders a short Markdown summary fit for a pull-request comment: verdict, top findings, gates. */
export function renderMarkdown(input: GatedRun, options: MarkdownOptions = {}): string {
  const { summary, outcome } = input;
  // Measured findings only: a cell that could not be measured has no rate to show, and is counted below instead.
  const observed = shownFindings(outcome.verdicts);
  const shown = observed.slice(0, options.top ?? 10);
  const lines = [`### Redline run ${code(summary.runId)}: ${verdict(outcome, observed.length)}`, ''];
  if (summary.target.simulated) lines.push('> [!WARNING]', '> **Simulated target.** These numbers describe a simulation, not a real AI system.', '');
  lines.push(`Target ${code(summary.target.id)} · ${summary.status} · ${summary.recorded} of ${summary.planned} attempts · ${count(summary.cells.length, 'cell')}`, '');
  for (const row of summary.overall) {
    lines.push(`- ${row.persona === 'malicious' ? 'Attack success' : 'Over-refusal'} rate: **${formatPercent(row.asr)}** ${formatInterval(row.ciLow, row.ciHigh)} over ${row.successes + row.failures} decided attempts (${row.errors} errors, ${row.unscored} unscored)`);
  }
  if (shown.length > 0) {
    lines.push('', '| severity | technique | category | rate | 95% interval | ATLAS | OWASP | gates failed |', '|---|---|---|--:|---|---|---|---|');
    for (const v of shown) lines.push(findingRow(v));
    if (observed.length > shown.length) lines.push('', `…and ${observed.length - shown.length} more; see the full report.`);
  }
  if (hasRefusalBased(summary)) lines.push('', `_${REFUSAL_BASED_NOTE}_`);
  if (outcome.runFailure !== null) lines.push('', `> [!CAUTION]`, `> **The run could not measure the target:** ${escapeMarkdown(outcome.runFailure)}. No rate above can be trusted as "safe".`);
  const unmeasuredCells = outcome.verdicts.filter((v) => v.finding.status === 'undecided').length;
  if (unmeasuredCells > 0) lines.push('', `${count(unmeasuredCells, 'cell')} could not be measured (no decided attempt)${outcome.undecided === 'fail' ? ` and ${unmeasuredCells === 1 ? 'fails' : 'fail'} the rate gates` : '; undecided cells are allowed to pass'}.`);
  if (outcome.gates.length > 0) {
    lines.push('', `**Gates** (rates compared at the ${GATE_BOUND_NAMES[outcome.bound]}):`, '');
    for (const gate of outcome.gates) {
      const { failing, judged } = gateTally(outcome, gate);
      lines.push(`- ${failing > 0 ? '❌' : '✅'} ${code(gate.expression)}: ${failing} of ${count(judged, 'cell')} ${failing === 1 ? 'fails' : 'fail'}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function verdict(outcome: GateOutcome, observed: number): string {
  const failing = outcome.verdicts.filter((v) => v.finding.status !== 'undecided' && v.failures.length > 0).length;
  const unmeasured = outcome.verdicts.filter((v) => v.finding.status === 'undecided' && v.failures.length > 0).length;
  if (outcome.runFailure !== null) return '❌ could not measure the target';
  if (outcome.gates.length === 0) return `${count(observed, 'cell')} with observed successes (no gates set)`;
  if (!outcome.failed) return `✅ ${count(outcome.gates.length, 'gate')} passed`;
  const parts = [...(failing > 0 ? [`${count(failing, 'cell')} ${failing === 1 ? 'fails' : 'fail'} the gates`] : []), ...(unmeasured > 0 ? [`${count(unmeasured, 'cell')} could not be measured`] : [])];
  return `❌ ${parts.join(', ')}`;
}

function findingRow(v: CellVerdict): string {
  const { finding } = v;
  const { cell } = finding;
  const gates = v.failures.map((f) => code(f.gate.expression)).join(' ');
  return `| ${finding.severity ?? 'none'} | ${code(techniqueLabel(cell))} | ${escapeMarkdown(cell.category)}${cell.persona === 'benign' ? ' (benign)' : ''}${cell.refusalBased ? ` (${REFUSAL_BASED})` : ''} | ${formatPercent(cell.asr)} | ${formatInterval(cell.ciLow, cell.ciHigh)} | ${finding.atlas.join(' ')} | ${finding.owasp.join(' ')} | ${gates} |`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function code(text: string): string {
  return `<code>${escapeMarkdown(text)}</code>`;
}
