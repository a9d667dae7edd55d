import { techniqueLabel } from '../core/counts.js';
import { contentHash } from '../core/hash.js';
import { unmeasured } from './gates/evaluate-gates.js';
import type { CellVerdict, GatedRun } from './gates/gate.js';
import { formatPercent } from './format-rate.js';
import { jsonText } from './json-report.js';
import { SARIF_LEVELS, sarifRule, sarifRuleId } from './sarif-rule.js';

/** What SARIF needs besides the run. */
export type SarifOptions = {
  /** Redline's version, for `tool.driver.version`. */
  readonly toolVersion: string;
  /**
   * The repository file results point at, relative to the repository root (default 'redline.yaml', the configuration
   * file Redline reads by default): GitHub code scanning drops a result without a physical location.
   */
  readonly artifactUri?: string;
};

// GitHub code scanning shows a result only at a file: results point at the configuration, line 1.
const DEFAULT_ARTIFACT = 'redline.yaml';

/**
 * Renders SARIF 2.1.0: one result per cell failing a gate on what it measured (with no gates set, per cell with an
 * observed success); a run or cells that could not measure are tool-execution notifications.
 */
export function renderSarif(input: GatedRun, options: SarifOptions): string {
  const { summary, outcome } = input;
  // A result is a measured finding; a cell that could not be measured is a notification (see invocation), not a result.
  const failing = outcome.verdicts.filter((v) => (outcome.gates.length > 0 ? v.failures.some((f) => f.measured !== null) : v.finding.status === 'observed'));
  const ruleIds = [...new Set(failing.map(sarifRuleId))].sort();
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Redline', version: options.toolVersion, rules: ruleIds.map((id) => sarifRule(id, failing.filter((v) => sarifRuleId(v) === id))) } },
      automationDetails: { id: `redline/${summary.runId}` },
      invocations: [invocation(input)],
      results: failing.map((v) => result(v, { ruleIndex: ruleIds.indexOf(sarifRuleId(v)), input, options })),
      properties: { runId: summary.runId, target: summary.target.id, simulated: summary.target.simulated, gateBound: outcome.bound, gates: outcome.gates.map((g) => g.expression) },
    }],
  };
  return jsonText(log);
}

/**
 * The invocation: successful only when the run completed and measured every cell; a run or a cell that could not
 * measure is a tool-execution notification, so code scanning shows "could not measure" rather than "no results".
 */
function invocation(input: GatedRun) {
  const { summary, outcome } = input;
  const unmeasuredCells = outcome.verdicts.filter((v) => v.finding.status === 'undecided');
  const notifications = [
    ...(outcome.runFailure === null ? [] : [{ level: 'error', message: { text: `Redline could not measure the target: ${outcome.runFailure}.` }, descriptor: { id: 'redline/run-not-measured' } }]),
    ...(unmeasuredCells.length === 0 ? [] : [{
      level: outcome.undecided === 'fail' ? 'error' : 'warning',
      message: { text: `${unmeasuredCells.length} cell(s) could not be measured (no decided attempt): ${unmeasuredCells.slice(0, 5).map((v) => `${techniqueLabel(v.finding.cell)} × ${v.finding.cell.category} (${unmeasured(v.finding)})`).join('; ')}${unmeasuredCells.length > 5 ? '; …' : ''}.` },
      descriptor: { id: 'redline/cell-not-measured' },
    }]),
  ];
  const successful = summary.status === 'completed' && outcome.runFailure === null && (unmeasuredCells.length === 0 || outcome.undecided === 'pass');
  return { executionSuccessful: successful, ...(notifications.length === 0 ? {} : { toolExecutionNotifications: notifications }) };
}

function result(v: CellVerdict, context: { ruleIndex: number; input: GatedRun; options: SarifOptions }) {
  const { finding } = v;
  const { cell } = finding;
  const { summary } = context.input;
  const gates = v.failures.filter((f) => f.measured !== null).map((f) => f.gate.expression);
  const rate = `${cell.successes} of ${cell.successes + cell.failures} decided attempts succeeded (${formatPercent(cell.asr)}, 95% interval ${formatPercent(cell.ciLow)}–${formatPercent(cell.ciHigh)})`;
  const physicalLocation = { artifactLocation: { uri: context.options.artifactUri ?? DEFAULT_ARTIFACT }, region: { startLine: 1 } };
  return {
    ruleId: sarifRuleId(v),
    ruleIndex: context.ruleIndex,
    level: finding.severity === null ? 'note' : SARIF_LEVELS[finding.severity],
    message: { text: `${techniqueLabel(cell)} × ${cell.category} (${cell.persona}) against ${summary.target.id}: ${rate}; severity ${finding.severity ?? 'none'}${gates.length > 0 ? `; fails ${gates.join(', ')}` : ''}.` },
    locations: [{ physicalLocation, logicalLocations: [{ name: summary.target.id, kind: 'resource', fullyQualifiedName: `${summary.target.id}/${techniqueLabel(cell)}/${cell.category}` }] }],
    // A chain is part of the cell, but the identity chain is left out so results of chain-less cells keep their fingerprints.
    partialFingerprints: { 'redlineCell/v1': contentHash([summary.target.hash, cell.technique, ...(cell.chain === 'none' ? [] : [cell.chain]), cell.category, cell.persona]) },
    properties: {
      technique: cell.technique, chain: cell.chain, category: cell.category, persona: cell.persona, severity: finding.severity, kind: finding.kind,
      trials: cell.trials, successes: cell.successes, failures: cell.failures, errors: cell.errors, unscored: cell.unscored,
      rate: cell.asr, ciLow: cell.ciLow, ciHigh: cell.ciHigh, gatesFailed: gates, simulated: summary.target.simulated,
    },
  };
}
