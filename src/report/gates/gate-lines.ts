import { techniqueLabel } from '../../core/counts.js';
import { GATE_BOUND_NAMES, type GateBound } from '../../taxonomy/gate-expression.js';
import { formatPercent } from '../format-rate.js';
import { sanitizeTerminal } from '../sanitize-terminal.js';
import { gateTally } from './evaluate-gates.js';
import type { GateFailure, GateOutcome } from './gate.js';
import type { Finding } from '../finding.js';

const SHOWN = 5;

/** The gate outcome as plain lines for a terminal: one per gate, naming a few failing cells. Empty without gates. */
export function gateLines(outcome: GateOutcome): string[] {
  if (outcome.gates.length === 0) return [];
  const lines = [`Gates (rates compared at the ${GATE_BOUND_NAMES[outcome.bound]}):`];
  if (outcome.runFailure !== null) lines.push(`  the run could not measure: ${sanitizeTerminal(outcome.runFailure)} — every gate fails`);
  for (const gate of outcome.gates) {
    const tally = gateTally(outcome, gate);
    const label = sanitizeTerminal(gate.expression);
    const note = tally.undecided > 0 ? `; ${tally.undecided} cell(s) had no decided attempt (passed: undecided cells allowed)` : '';
    if (outcome.runFailure !== null && tally.failing === 0) {
      lines.push(`  FAIL  ${label}: the run could not measure`);
      continue;
    }
    if (tally.failing === 0) {
      lines.push(`  pass  ${label}${note}`);
      continue;
    }
    lines.push(`  FAIL  ${label}: ${tally.failing} of ${tally.judged} cell(s)${note}`);
    const failing = outcome.verdicts.flatMap((v) => v.failures.filter((f) => f.gate === gate).map((failure) => ({ finding: v.finding, failure })));
    for (const { finding, failure } of failing.slice(0, SHOWN)) {
      const value = gateValue(failure, finding);
      lines.push(`        ${sanitizeTerminal(techniqueLabel(finding.cell))} × ${sanitizeTerminal(finding.cell.category)} (${finding.cell.persona}): ${value}`);
    }
    if (failing.length > SHOWN) lines.push(`        … and ${failing.length - SHOWN} more`);
  }
  return lines;
}

/** What failed a gate, in words: the severity, the error count, the rate, or why the cell could not be measured. */
export function gateValue(failure: GateFailure, finding: Finding): string {
  if (failure.measured === null) return `not measured: ${failure.why}`;
  switch (failure.gate.condition.metric) {
    case 'severity':
      return finding.severity ?? 'none';
    case 'errors':
      return `${failure.measured} errors`;
    case 'error-rate':
      return `${formatPercent(failure.measured)} errors`;
    case 'asr':
      return rateValue(failure, finding, failure.gate.condition);
  }
}

const COMPARED: Readonly<Record<GateBound, string>> = { upper: 'upper bound', lower: 'lower bound', point: 'observed rate' };

// e.g. 'rate 12.0% (95% CI 5.1–24.3%; upper bound 24.3% > 5.0%)': the observed rate first, then the number compared.
function rateValue(failure: Extract<GateFailure, { measured: number }>, finding: Finding, condition: { readonly op: string; readonly value: number }): string {
  const { cell } = finding;
  const interval = cell.ciLow === null || cell.ciHigh === null ? 'no interval' : `95% CI ${(cell.ciLow * 100).toFixed(1)}–${formatPercent(cell.ciHigh)}`;
  const compared = `${COMPARED[failure.compared ?? 'point']} ${formatPercent(failure.measured)} ${condition.op} ${formatPercent(condition.value)}`;
  return `rate ${formatPercent(cell.asr)} (${interval}; ${compared})`;
}
