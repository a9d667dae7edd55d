import { techniqueLabel } from '../core/counts.js';
import { unmeasured } from './gates/evaluate-gates.js';
import type { CellVerdict, GatedRun, GateOutcome } from './gates/gate.js';
import { gateValue } from './gates/gate-lines.js';
import { formatPercent } from './format-rate.js';
import type { RunSummary } from '../stats/summary.js';

/**
 * Renders JUnit XML: one test case per cell, failing when it fails a gate, with the totals (tests, failures, errors,
 * skipped, time) on both <testsuites> and <testsuite>. Valid against Jenkins' JUnit schema (junit-4.xsd) but for
 * `skipped` on <testsuites>, which that schema predates and the readers of the root totals expect.
 */
export function renderJunit(input: GatedRun): string {
  const { summary, outcome } = input;
  // A cell Redline could not measure is an error, not a pass (unless undecided cells are allowed: then it is skipped);
  // a run that could not measure adds one errored case of its own.
  const kinds = outcome.verdicts.map((v) => caseKind(v, outcome));
  const failures = kinds.filter((k) => k === 'failure').length;
  const skipped = kinds.filter((k) => k === 'skipped').length;
  const runCase = outcome.runFailure === null ? [] : [runFailureCase(outcome.runFailure)];
  const errors = kinds.filter((k) => k === 'error').length + runCase.length;
  // The same totals on <testsuites> as on <testsuite>: dashboards that read the root see what the suite holds.
  const counts = `tests="${outcome.verdicts.length + runCase.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(summary)}"`;
  // Test-case properties are outside the JUnit schemas, so per-cell taxonomy goes in suite properties keyed by case.
  const properties = [
    ['run', summary.runId], ['target', summary.target.id], ['simulated', String(summary.target.simulated)], ['status', summary.status],
    ['seed', String(summary.seed)], ['gateBound', outcome.bound], ...outcome.gates.map((g) => ['gate', g.expression]),
    ...outcome.verdicts.flatMap((v) => caseProperties(v)),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="redline" ${counts}>`,
    `  <testsuite name="${xml(`redline run ${summary.runId}`)}" ${counts} timestamp="${summary.createdAt.slice(0, 19)}" hostname="redline" id="0" package="redline">`,
    '    <properties>',
    ...properties.map(([name = '', value = '']) => `      <property name="${xml(name)}" value="${xml(value)}"/>`),
    '    </properties>',
    ...runCase,
    ...outcome.verdicts.map((v) => testCase(v, outcome)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

// The run's wall-clock duration in seconds; 0 while it has not finished (cells have no durations of their own).
function seconds(summary: RunSummary): string {
  return summary.finishedAt === null ? '0' : String(Math.max(0, Date.parse(summary.finishedAt) - Date.parse(summary.createdAt)) / 1000);
}

function caseName(v: CellVerdict): string {
  const { cell } = v.finding;
  return `${techniqueLabel(cell)} × ${cell.category} (${cell.persona})`;
}

function caseProperties(v: CellVerdict): string[][] {
  const f = v.finding;
  const name = caseName(v);
  return [
    [`${name}.severity`, f.severity ?? 'none'], [`${name}.atlas`, f.atlas.join(' ')], [`${name}.owasp`, f.owasp.join(' ')],
    [`${name}.harm`, f.harm ?? ''], [`${name}.securityClass`, f.securityClass ?? ''],
  ];
}

type CaseKind = 'error' | 'failure' | 'skipped' | 'passed';

function caseKind(v: CellVerdict, outcome: GateOutcome): CaseKind {
  if (v.finding.status === 'undecided') return outcome.undecided === 'fail' ? 'error' : v.failures.length > 0 ? 'failure' : 'skipped';
  return v.failures.length > 0 ? 'failure' : 'passed';
}

function runFailureCase(cause: string): string {
  return [
    '    <testcase classname="redline.run" name="the run measured the target" time="0">',
    `      <error type="run-failed" message="${xml(`could not measure: ${cause}`)}">${xmlText(cause)}</error>`,
    '    </testcase>',
  ].join('\n');
}

function testCase(v: CellVerdict, outcome: GateOutcome): string {
  const { finding } = v;
  const { cell } = finding;
  const open = `    <testcase classname="${xml(`redline.${cell.persona}.${cell.technique}`)}" name="${xml(caseName(v))}" time="0">`;
  const body: string[] = [];
  const kind = caseKind(v, outcome);
  // The reason is text, not a message attribute: Jenkins' junit-4.xsd types <skipped> as a plain string.
  if (kind === 'skipped') body.push(`      <skipped>not measured: ${xmlText(unmeasured(finding))}; undecided cells are allowed</skipped>`);
  if (kind === 'error') body.push(`      <error type="not-measured" message="${xml(`could not measure: ${unmeasured(finding)}`)}">${xmlText(details(v))}</error>`);
  if (kind === 'failure') {
    for (const failure of v.failures) {
      body.push(`      <failure type="gate" message="${xml(`fails gate ${failure.gate.expression} (${gateValue(failure, finding)})`)}">${xmlText(details(v))}</failure>`);
    }
  }
  if (kind === 'passed') body.push(`      <system-out>${xmlText(details(v))}</system-out>`);
  return [open, ...body, '    </testcase>'].join('\n');
}

function details(v: CellVerdict): string {
  const { finding } = v;
  const { cell } = finding;
  return [
    `rate ${formatPercent(cell.asr)} (${cell.successes} of ${cell.successes + cell.failures} decided; ${cell.errors} errors, ${cell.unscored} unscored)`,
    `95% interval ${formatPercent(cell.ciLow)}–${formatPercent(cell.ciHigh)}`,
    `severity ${finding.severity ?? 'none'} · kind ${finding.kind} · harm ${finding.harm ?? '—'} · class ${finding.securityClass ?? '—'}`,
    `ATLAS ${finding.atlas.join(' ') || '—'} · OWASP ${finding.owasp.join(' ') || '—'}`,
  ].join('\n');
}

// XML 1.0 cannot carry most control characters or lone surrogates, even escaped: they are dropped, and so are
// DEL and the C1 controls it merely discourages (0x9b starts a terminal escape when a log is printed).
function xmlText(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\u007e\u00a0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

// Attribute values also escape quotes, and keep line breaks and tabs as references (a parser would turn them into spaces).
function xml(text: string): string {
  return xmlText(text).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}
