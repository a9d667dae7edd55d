import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { fixtureSummary } from '../../test/support/gated-run.js';
import { judgeRun } from '../api/judge-run.js';
import { scan } from '../api/scan.js';
import { reportPolicy } from './gates/report-policy.js';
import { renderSarif } from './sarif-report.js';

type Validator = ((value: unknown) => boolean) & { errors?: unknown };

// The SARIF 2.1.0 (rtm.5) JSON Schema ships in the dev dependency @microsoft/jest-sarif; it is draft-04, so Ajv needs
// ajv-draft-04. A missing dependency fails the test: it never skips.
function sarifValidator(): Validator {
  const require = createRequire(import.meta.url);
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
  const draft04 = require('ajv-draft-04') as { default: new (options: object) => { compile(schema: object): Validator } };
  const formats = require('ajv-formats') as { default: (ajv: unknown) => void };
  // The schema has a pattern that is not valid with the u flag.
  const ajv = new draft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
  formats.default(ajv);
  return ajv.compile(schema);
}

type Log = { runs: { tool: { driver: { name: string; rules: Record<string, any>[] } }; results: Record<string, any>[] }[] };

/**
 * What GitHub code scanning requires of an uploaded SARIF file (docs.github.com, "SARIF support for code scanning"),
 * as a list of problems: empty when a log meets it.
 */
function githubProblems(log: Log): string[] {
  const problems: string[] = [];
  const text = (value: unknown) => typeof value === 'string' && value.trim().length > 0;
  for (const run of log.runs) {
    if (!text(run.tool.driver.name)) problems.push('tool.driver.name is missing');
    const rules = run.tool.driver.rules;
    for (const rule of rules) {
      for (const field of ['shortDescription', 'fullDescription', 'help'] as const) if (!text(rule[field]?.text)) problems.push(`rule ${rule.id}: ${field}.text is missing`);
      if (!text(rule.help?.markdown)) problems.push(`rule ${rule.id}: help.markdown is missing`);
      // helpUri is optional, but when present it must be an absolute https URL (GitHub links it as is).
      if (rule.helpUri !== undefined && !/^https:\/\//.test(rule.helpUri)) problems.push(`rule ${rule.id}: helpUri ${rule.helpUri} is not absolute`);
    }
    for (const [i, result] of run.results.entries()) {
      const where = `result ${i} (${result.ruleId})`;
      if (!text(result.ruleId)) problems.push(`${where}: ruleId is missing`);
      if (rules[result.ruleIndex]?.id !== result.ruleId) problems.push(`${where}: ruleIndex ${result.ruleIndex} does not point at its rule`);
      if (!text(result.message?.text)) problems.push(`${where}: message.text is missing`);
      if (!Array.isArray(result.locations) || result.locations.length < 1 || result.locations.length > 10) problems.push(`${where}: needs 1 to 10 locations`);
      const physical = result.locations?.[0]?.physicalLocation;
      // The file is relative to the repository root: no scheme, no leading slash, no '..'.
      if (!text(physical?.artifactLocation?.uri) || /^([a-z]+:|\/)|(^|\/)\.\.\//i.test(physical.artifactLocation.uri)) problems.push(`${where}: physicalLocation.artifactLocation.uri must be a repository-relative path`);
      if (!(Number.isInteger(physical?.region?.startLine) && physical.region.startLine >= 1)) problems.push(`${where}: physicalLocation.region.startLine is missing`);
      if (typeof result.partialFingerprints !== 'object' || Object.keys(result.partialFingerprints).length === 0) problems.push(`${where}: partialFingerprints is missing`);
    }
  }
  return problems;
}

const validate = sarifValidator();
const render = (failOn: string[]) => JSON.parse(renderSarif(judgeRun({ summary: fixtureSummary(), policy: reportPolicy({ config: {}, failOn }) }), { toolVersion: '9.9.9', artifactUri: 'redline.yaml' }));
const log = render(['asr>0.05', 'severity>=important']);
const run = log.runs[0];

describe('renderSarif', () => {
  it('validates against the SARIF 2.1.0 JSON Schema', () => {
    for (const sample of [log, render([]), render(['asr>0.99'])]) {
      expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
    }
    // The validator is real: a wrong level is caught.
    expect(validate({ ...log, runs: [{ ...run, results: [{ ...run.results[0], level: 'critical' }] }] })).toBe(false);
  });

  it('has the required SARIF shape: version, tool, rules, results pointing at their rules', () => {
    expect(log).toMatchObject({ version: '2.1.0', $schema: expect.stringContaining('sarif-2.1.0') });
    expect(run.tool.driver).toMatchObject({ name: 'Redline', version: '9.9.9' });
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const result of run.results) {
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text.length).toBeGreaterThan(0);
      expect(result.locations[0].logicalLocations[0]).toMatchObject({ name: 'demo"><b>&\'', kind: 'resource' });
      expect(result.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'redline.yaml' }, region: { startLine: 1 } });
    }
  });

  it('gives one result per failing cell, with its level from the severity and taxonomy ids on its rule', () => {
    expect(run.results.map((r: { properties: { category: string } }) => r.properties.category.slice(0, 9)).sort()).toEqual(['=cmd|"<im', 'data-exfi', 'self-harm', 'system-pr']);
    const exfil = run.results.find((r: { ruleId: string }) => r.ruleId === 'role-play/data-exfiltration');
    expect(exfil).toMatchObject({ level: 'error', properties: { severity: 'critical', gatesFailed: ['asr>0.05', 'severity>=important'] } });
    const rule = run.tool.driver.rules[exfil.ruleIndex];
    expect(rule.properties).toMatchObject({ atlas: ['AML.T0054', 'AML.T0057'], owasp: ['LLM01:2025', 'LLM02:2025'], securityClass: 'inference-manipulation', 'security-severity': '9.5' });
    expect(rule.properties.tags).toEqual(expect.arrayContaining(['security', 'AML.T0057', 'LLM02:2025']));
    expect(run.results.find((r: { ruleId: string }) => r.ruleId === 'many-shot/system-prompt-leakage').level).toBe('warning');
    expect(run.results.find((r: { ruleId: string }) => r.ruleId === 'direct-request/self-harm').level).toBe('note');
  });

  it('without gates lists the cells with an observed success; with passing gates, none', () => {
    expect(render([]).runs[0].results).toHaveLength(4);
    expect(render(['asr>0.99']).runs[0].results).toEqual([]);
  });

  it('says when it could not measure: a notification per unmeasured cell set and per failed run, and an unsuccessful invocation', () => {
    const [invocation] = log.runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
      expect.objectContaining({ level: 'error', descriptor: { id: 'redline/cell-not-measured' }, message: { text: expect.stringContaining('prefix-injection × cyber-misuse (no decided attempt (4 errors, 0 unscored))') } }),
    ]);
    const failed = JSON.parse(renderSarif(judgeRun({ summary: fixtureSummary({ status: 'failed' }), policy: reportPolicy({ config: {}, failOn: ['asr>0.05'] }) }), { toolVersion: '9.9.9' }));
    expect(failed.runs[0].invocations[0].toolExecutionNotifications[0]).toMatchObject({ level: 'error', descriptor: { id: 'redline/run-not-measured' }, message: { text: 'Redline could not measure the target: the run failed.' } });
    expect(validate(failed), JSON.stringify(validate.errors)).toBe(true);
  });

  it('keeps the same fingerprint for the same cell across runs', () => {
    const again = JSON.parse(renderSarif(judgeRun({ summary: fixtureSummary({ id: 'r-other' }), policy: reportPolicy({ config: {}, failOn: ['asr>0.05'] }) }), { toolVersion: '1' }));
    const key = (r: { ruleId: string; partialFingerprints: Record<string, string> }) => `${r.ruleId} ${r.partialFingerprints['redlineCell/v1']}`;
    expect(again.runs[0].results.map(key)).toEqual(expect.arrayContaining(run.results.filter((r: { properties: { gatesFailed: string[] } }) => r.properties.gatesFailed.includes('asr>0.05')).map(key)));
  });

  describe('on a real demo scan, as GitHub code scanning reads it', () => {
    let demo: Log;
    beforeAll(async () => {
      const scanned = await scan({ config: { trials: 3, seed: 11, target: { type: 'demo', defense: 'none' } }, database: ':memory:', reports: { json: false, html: false } });
      // No artifact given: a scan on the built-in defaults has no configuration file to point at.
      demo = JSON.parse(renderSarif(judgeRun({ summary: scanned.summary, policy: reportPolicy({ config: {}, failOn: ['asr>0.05'] }) }), { toolVersion: '0.1.0' }));
    });

    it('has findings, and every rule and result carries what GitHub requires', () => {
      expect(demo.runs[0]!.results.length).toBeGreaterThan(0);
      expect(githubProblems(demo)).toEqual([]);
      const rule = demo.runs[0]!.tool.driver.rules[0]!;
      expect(rule.help.text).toContain('docs/reports.md');
      expect(demo.runs[0]!.results[0]!.locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'redline.yaml' }, region: { startLine: 1 } });
      // The check is real: a result without a file, or a rule without help, is a problem.
      const [r0] = demo.runs[0]!.results;
      const broken = { runs: [{ ...demo.runs[0]!, tool: { driver: { name: 'Redline', rules: [{ ...rule, help: undefined }] } }, results: [{ ...r0, locations: [{ logicalLocations: r0!.locations[0].logicalLocations }] }] }] };
      expect(githubProblems(broken)).toEqual(expect.arrayContaining([expect.stringContaining('help.text is missing'), expect.stringContaining('artifactLocation.uri')]));
    });

    it('validates against the SARIF 2.1.0 JSON Schema', () => {
      expect(validate(demo), JSON.stringify(validate.errors)).toBe(true);
    });
  });
});
