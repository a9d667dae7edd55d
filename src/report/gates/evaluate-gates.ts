import type { Gate, GateBound, GateOperator, UndecidedPolicy } from '../../taxonomy/gate-expression.js';
import { globMatches } from '../../taxonomy/glob.js';
import { severityRank } from '../../taxonomy/severity.js';
import type { Finding } from '../finding.js';
import type { CellVerdict, GateFailure, GateOutcome } from './gate.js';

/** What to judge: the run's findings, the gates, and the bound rate gates compare. */
export type GateInput = {
  /** One finding per cell. */
  readonly findings: readonly Finding[];
  /** Parsed gates. */
  readonly gates: readonly Gate[];
  /** Which number of the rate to compare (default 'upper'). */
  readonly bound?: GateBound;
  /** What a selected cell with no decided attempt does to a rate gate (default 'fail': what was not measured is not safe). */
  readonly undecided?: UndecidedPolicy;
  /** Why the run could not measure, when it could not (failed, or recorded nothing): every gate fails. */
  readonly runFailure?: string | null;
};

/** Judges every cell by every gate; pure. */
export function evaluateGates(input: GateInput): GateOutcome {
  const bound = input.bound ?? 'upper';
  const policy = input.undecided ?? 'fail';
  const runFailure = input.runFailure ?? null;
  const verdicts = input.findings.map((finding): CellVerdict => {
    const failures: GateFailure[] = [];
    const undecided: Gate[] = [];
    for (const gate of input.gates.filter((g) => selects(g, finding))) {
      const compared = comparedBound(gate, bound);
      const measured = measure(gate, finding, compared);
      if (measured !== null) {
        if (compare(measured, gate.condition.op, threshold(gate))) failures.push({ gate, measured, ...(gate.condition.metric === 'asr' ? { compared } : {}) });
      } else if (policy === 'fail') failures.push({ gate, measured: null, why: unmeasured(finding) });
      else undecided.push(gate);
    }
    return { finding, failures, undecided };
  });
  const failed = verdicts.some((v) => v.failures.length > 0) || (runFailure !== null && input.gates.length > 0);
  return { gates: input.gates, bound, undecided: policy, runFailure, verdicts, failed };
}

/** Why a cell has no number to compare, in a few words for reports. */
export function unmeasured(finding: Finding): string {
  const { cell } = finding;
  return cell.trials === 0 ? 'no attempt' : `no decided attempt (${cell.errors} errors, ${cell.unscored} unscored)`;
}

/** True when the gate judges this cell: every selector matches, and over-refusal only when asked for by persona or kind. */
export function selects(gate: Gate, finding: Finding): boolean {
  const { cell } = finding;
  if (finding.kind === 'over-refusal' && !gate.selectors.some((s) => s.key === 'persona' || s.key === 'kind')) return false;
  return gate.selectors.every((s) => {
    if (s.key === 'technique') return globMatches(s.pattern, cell.technique) || (finding.techniqueId !== null && globMatches(s.pattern, finding.techniqueId));
    return globMatches(s.pattern, s.key === 'kind' ? finding.kind : s.key === 'chain' ? cell.chain : cell[s.key]);
  });
}

/** How one gate fared: cells it judged, cells failing it, and cells it could not judge. */
export function gateTally(outcome: GateOutcome, gate: Gate): { judged: number; failing: number; undecided: number } {
  const judged = outcome.verdicts.filter((v) => selects(gate, v.finding));
  return {
    judged: judged.length,
    failing: judged.filter((v) => v.failures.some((f) => f.gate === gate)).length,
    undecided: judged.filter((v) => v.undecided.includes(gate)).length,
  };
}

// A rate gate's number for the cell (null: nothing decided); an error gate's count or share of all attempts
// (null: no attempt); a severity gate's rank (-1: no severity).
function measure(gate: Gate, finding: Finding, bound: GateBound): number | null {
  const { cell } = finding;
  if (gate.condition.metric === 'severity') return finding.severity === null ? -1 : severityRank(finding.severity);
  if (gate.condition.metric === 'errors') return cell.errors;
  if (gate.condition.metric === 'error-rate') return cell.trials === 0 ? null : cell.errors / cell.trials;
  return bound === 'upper' ? cell.ciHigh : bound === 'lower' ? cell.ciLow : cell.asr;
}

// The number of the rate a gate compares. No interval can put a rate's upper end at 0, so "above zero" is judged on
// the observed rate whatever the bound: any success fails.
function comparedBound(gate: Gate, bound: GateBound): GateBound {
  return gate.condition.value === 0 && gate.condition.op === '>' ? 'point' : bound;
}

function threshold(gate: Gate): number {
  return gate.condition.metric === 'severity' ? severityRank(gate.condition.value) : gate.condition.value;
}

function compare(measured: number, op: GateOperator, limit: number): boolean {
  switch (op) {
    case '>':
      return measured > limit;
    case '>=':
      return measured >= limit;
    case '<':
      return measured < limit;
    case '<=':
      return measured <= limit;
    case '=':
      return measured === limit;
  }
}
