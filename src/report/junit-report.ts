import type { CellVerdict, GatedRun } from './gates/gate.js';
import { formatPercent } from './format-rate.js';

/** Renders JUnit XML valid against Jenkins' JUnit schema (junit-4.xsd): one test case per cell, failing when it fails a gate. */
export function renderJunit(input: GatedRun): string {
  const { summary, outcome } = input;
  const failures = outcome.verdicts.filter((v) => v.failures.length > 0).length;
  const skipped = outcome.verdicts.filter((v) => v.failures.length === 0 && v.finding.status === 'undecided').length;
  const counts = `tests="${outcome.verdicts.length}" failures="${failures}" errors="0"`;
  // Test-case properties are outside the JUnit schemas, so per-cell taxonomy goes in suite properties keyed by case.
  const properties = [
    ['run', summary.runId], ['target', summary.target.id], ['simulated', String(summary.target.simulated)], ['status', summary.status],
    ['seed', String(summary.seed)], ['gateBound', outcome.bound], ...outcome.gates.map((g) => ['gate', g.expression]),
    ...outcome.verdicts.flatMap((v) => caseProperties(v)),
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="redline" ${counts} time="0">`,
    `  <testsuite name="${xml(`redline run ${summary.runId}`)}" ${counts} skipped="${skipped}" time="0" timestamp="${summary.createdAt.slice(0, 19)}" hostname="redline" id="0" package="redline">`,
    '    <properties>',
    ...properties.map(([name = '', value = '']) => `      <property name="${xml(name)}" value="${xml(value)}"/>`),
    '    </properties>',
    ...outcome.verdicts.map((v) => testCase(v)),
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function caseName(v: CellVerdict): string {
  const { cell } = v.finding;
  return `${cell.technique} × ${cell.category} (${cell.persona})`;
}

function caseProperties(v: CellVerdict): string[][] {
  const f = v.finding;
  const name = caseName(v);
  return [
    [`${name}.severity`, f.severity ?? 'none'], [`${name}.atlas`, f.atlas.join(' ')], [`${name}.owasp`, f.owasp.join(' ')],
    [`${name}.harm`, f.harm ?? ''], [`${name}.securityClass`, f.securityClass ?? ''],
  ];
}

function testCase(v: CellVerdict): string {
  const { finding } = v;
  const { cell } = finding;
  const open = `    <testcase classname="${xml(`redline.${cell.persona}.${cell.technique}`)}" name="${xml(caseName(v))}" time="0">`;
  const body: string[] = [];
  // The reason is text, not a message attribute: Jenkins' junit-4.xsd types <skipped> as a plain string.
  if (v.failures.length === 0 && finding.status === 'undecided') body.push('      <skipped>no decided attempts: every attempt errored or went unscored</skipped>');
  for (const failure of v.failures) {
    const measured = failure.gate.condition.metric === 'severity' ? (finding.severity ?? 'none') : formatPercent(failure.measured);
    body.push(`      <failure type="gate" message="${xml(`fails gate ${failure.gate.expression} (${measured})`)}">${xmlText(details(v))}</failure>`);
  }
  if (v.failures.length === 0) body.push(`      <system-out>${xmlText(details(v))}</system-out>`);
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
