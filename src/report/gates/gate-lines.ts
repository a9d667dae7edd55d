import { GATE_BOUND_NAMES } from '../../taxonomy/gate-expression.js';
import { formatPercent } from '../format-rate.js';
import { sanitizeTerminal } from '../sanitize-terminal.js';
import { gateTally } from './evaluate-gates.js';
import type { GateOutcome } from './gate.js';

const SHOWN = 5;

/** The gate outcome as plain lines for a terminal: one per gate, naming a few failing cells. Empty without gates. */
export function gateLines(outcome: GateOutcome): string[] {
  if (outcome.gates.length === 0) return [];
  const lines = [`Gates (rates compared at the ${GATE_BOUND_NAMES[outcome.bound]}):`];
  for (const gate of outcome.gates) {
    const tally = gateTally(outcome, gate);
    const label = sanitizeTerminal(gate.expression);
    const note = tally.undecided > 0 ? `; ${tally.undecided} cell(s) had no decided attempt` : '';
    if (tally.failing === 0) {
      lines.push(`  pass  ${label}${note}`);
      continue;
    }
    lines.push(`  FAIL  ${label}: ${tally.failing} of ${tally.judged} cell(s)${note}`);
    const failing = outcome.verdicts.flatMap((v) => v.failures.filter((f) => f.gate === gate).map((f) => ({ finding: v.finding, measured: f.measured })));
    for (const { finding, measured } of failing.slice(0, SHOWN)) {
      const value = gate.condition.metric === 'severity' ? (finding.severity ?? 'none') : formatPercent(measured);
      lines.push(`        ${sanitizeTerminal(finding.cell.technique)} × ${sanitizeTerminal(finding.cell.category)} (${finding.cell.persona}): ${value}`);
    }
    if (failing.length > SHOWN) lines.push(`        … and ${failing.length - SHOWN} more`);
  }
  return lines;
}
