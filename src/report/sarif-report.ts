import { techniqueLabel } from '../core/counts.js';
import { contentHash } from '../core/hash.js';
import { severityRank, type Severity } from '../taxonomy/severity.js';
import { unmeasured } from './gates/evaluate-gates.js';
import type { CellVerdict, GatedRun } from './gates/gate.js';
import { formatPercent } from './format-rate.js';
import { jsonText } from './json-report.js';

/** What SARIF needs besides the run. */
export type SarifOptions = {
  /** Redline's version, for `tool.driver.version`. */
  readonly toolVersion: string;
  /** A repository file results point at (e.g. 'redline.yaml'), for code-scanning UIs that want a physical location. */
  readonly artifactUri?: string;
};

const LEVELS: Readonly<Record<Severity, string>> = { critical: 'error', important: 'error', moderate: 'warning', low: 'note' };
// GitHub code scanning reads a 0–10 score: ≥9 critical, ≥7 high, ≥4 medium, else low.
const SCORES: Readonly<Record<Severity, string>> = { critical: '9.5', important: '8.0', moderate: '5.5', low: '3.0' };

/**
 * Renders SARIF 2.1.0: one result per cell failing a gate on what it measured (with no gates set, per cell with an
 * observed success); a run or cells that could not measure are tool-execution notifications.
 */
export function renderSarif(input: GatedRun, options: SarifOptions): string {
  const { summary, outcome } = input;
  // A result is a measured finding; a cell that could not be measured is a notification (see invocation), not a result.
  const failing = outcome.verdicts.filter((v) => (outcome.gates.length > 0 ? v.failures.some((f) => f.measured !== null) : v.finding.status === 'observed'));
  const ruleIds = [...new Set(failing.map(ruleId))].sort();
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: { driver: { name: 'Redline', version: options.toolVersion, rules: ruleIds.map((id) => rule(id, failing.filter((v) => ruleId(v) === id))) } },
      automationDetails: { id: `redline/${summary.runId}` },
      invocations: [invocation(input)],
      results: failing.map((v) => result(v, { ruleIndex: ruleIds.indexOf(ruleId(v)), input, options })),
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

function ruleId(v: CellVerdict): string {
  return `${v.finding.techniqueId ?? v.finding.cell.technique}/${v.finding.cell.category}`;
}

function rule(id: string, verdicts: readonly CellVerdict[]) {
  const first = verdicts[0]!.finding;
  const worst = highest(verdicts.map((v) => v.finding.severity));
  const tags = [...new Set(['security', 'ai-red-team', first.kind, ...first.atlas, ...first.owasp, first.harm ?? [], first.securityClass ?? []].flat())];
  return {
    id,
    name: id,
    shortDescription: { text: `${first.techniqueId ?? first.cell.technique} against ${first.cell.category} goals` },
    fullDescription: { text: `Redline measured how often the ${first.techniqueId ?? first.cell.technique} technique reached goals of category ${first.cell.category} (${first.kind}).` },
    defaultConfiguration: { level: worst === null ? 'note' : LEVELS[worst] },
    properties: { tags, atlas: first.atlas, owasp: first.owasp, harm: first.harm, securityClass: first.securityClass, ...(worst === null ? {} : { 'security-severity': SCORES[worst] }) },
  };
}

function result(v: CellVerdict, context: { ruleIndex: number; input: GatedRun; options: SarifOptions }) {
  const { finding } = v;
  const { cell } = finding;
  const { summary } = context.input;
  const gates = v.failures.filter((f) => f.measured !== null).map((f) => f.gate.expression);
  const rate = `${cell.successes} of ${cell.successes + cell.failures} decided attempts succeeded (${formatPercent(cell.asr)}, 95% interval ${formatPercent(cell.ciLow)}–${formatPercent(cell.ciHigh)})`;
  const physical = context.options.artifactUri === undefined ? {} : { physicalLocation: { artifactLocation: { uri: context.options.artifactUri } } };
  return {
    ruleId: ruleId(v),
    ruleIndex: context.ruleIndex,
    level: finding.severity === null ? 'note' : LEVELS[finding.severity],
    message: { text: `${techniqueLabel(cell)} × ${cell.category} (${cell.persona}) against ${summary.target.id}: ${rate}; severity ${finding.severity ?? 'none'}${gates.length > 0 ? `; fails ${gates.join(', ')}` : ''}.` },
    locations: [{ ...physical, logicalLocations: [{ name: summary.target.id, kind: 'resource', fullyQualifiedName: `${summary.target.id}/${techniqueLabel(cell)}/${cell.category}` }] }],
    // A chain is part of the cell, but the identity chain is left out so results of chain-less cells keep their fingerprints.
    partialFingerprints: { 'redlineCell/v1': contentHash([summary.target.hash, cell.technique, ...(cell.chain === 'none' ? [] : [cell.chain]), cell.category, cell.persona]) },
    properties: {
      technique: cell.technique, chain: cell.chain, category: cell.category, persona: cell.persona, severity: finding.severity, kind: finding.kind,
      trials: cell.trials, successes: cell.successes, failures: cell.failures, errors: cell.errors, unscored: cell.unscored,
      rate: cell.asr, ciLow: cell.ciLow, ciHigh: cell.ciHigh, gatesFailed: gates, simulated: summary.target.simulated,
    },
  };
}

function highest(severities: readonly (Severity | null)[]): Severity | null {
  return severities.reduce<Severity | null>((best, s) => (s !== null && (best === null || severityRank(s) > severityRank(best)) ? s : best), null);
}
