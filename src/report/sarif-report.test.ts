import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { fixtureSummary } from '../../test/support/gated-run.js';
import { judgeRun } from '../api/judge-run.js';
import { reportPolicy } from './gates/report-policy.js';
import { renderSarif } from './sarif-report.js';

type Validator = ((value: unknown) => boolean) & { errors?: unknown };

// The official SARIF 2.1.0 (rtm.5) JSON Schema ships in @microsoft/jest-sarif; it is draft-04, so Ajv needs ajv-draft-04.
function sarifValidator(): Validator | undefined {
  const require = createRequire(import.meta.url);
  try {
    const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8')) as object;
    const draft04 = require('ajv-draft-04') as { default: new (options: object) => { compile(schema: object): Validator } };
    const formats = require('ajv-formats') as { default: (ajv: unknown) => void };
    // The schema has a pattern that is not valid with the u flag.
    const ajv = new draft04.default({ allErrors: true, strict: false, unicodeRegExp: false });
    formats.default(ajv);
    return ajv.compile(schema);
  } catch {
    return undefined;
  }
}

const validate = sarifValidator();
const render = (failOn: string[]) => JSON.parse(renderSarif(judgeRun({ summary: fixtureSummary(), policy: reportPolicy({ config: {}, failOn }) }), { toolVersion: '9.9.9', artifactUri: 'redline.yaml' }));
const log = render(['asr>0.05', 'severity>=important']);
const run = log.runs[0];

describe('renderSarif', () => {
  it.skipIf(validate === undefined)('validates against the SARIF 2.1.0 JSON Schema (skipped without dev dependencies ajv, ajv-draft-04, ajv-formats, @microsoft/jest-sarif)', () => {
    for (const sample of [log, render([]), render(['asr>0.99'])]) {
      expect(validate!(sample), JSON.stringify(validate!.errors)).toBe(true);
    }
    // The validator is real: a wrong level is caught.
    expect(validate!({ ...log, runs: [{ ...run, results: [{ ...run.results[0], level: 'critical' }] }] })).toBe(false);
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
      expect(result.locations[0].physicalLocation.artifactLocation.uri).toBe('redline.yaml');
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
    if (validate !== undefined) expect(validate(failed), JSON.stringify(validate.errors)).toBe(true);
  });

  it('keeps the same fingerprint for the same cell across runs', () => {
    const again = JSON.parse(renderSarif(judgeRun({ summary: fixtureSummary({ id: 'r-other' }), policy: reportPolicy({ config: {}, failOn: ['asr>0.05'] }) }), { toolVersion: '1' }));
    const key = (r: { ruleId: string; partialFingerprints: Record<string, string> }) => `${r.ruleId} ${r.partialFingerprints['redlineCell/v1']}`;
    expect(again.runs[0].results.map(key)).toEqual(expect.arrayContaining(run.results.filter((r: { properties: { gatesFailed: string[] } }) => r.properties.gatesFailed.includes('asr>0.05')).map(key)));
  });
});
