import { describe, expect, it } from 'vitest';
import { fixtureSummary } from '../../../test/support/gated-run.js';
import { ConfigError } from '../../core/errors.js';
import { gateSettings } from '../../taxonomy/gate-settings.js';
import { judgeRun, reportPolicy } from './report-policy.js';

const config = { gates: { failOn: ['severity>=critical'], bound: 'point' }, severity: { rules: [{ category: 'data-exfiltration', severity: 'low' }] } };

describe('reportPolicy', () => {
  it('takes gates, bound and severity rules from the configuration', () => {
    const policy = reportPolicy({ config, configFile: 'redline.yaml' });
    expect(policy.gates.map((g) => g.expression)).toEqual(['severity>=critical']);
    expect(policy.bound).toBe('point');
    expect(policy.rules).toEqual([{ category: 'data-exfiltration', severity: 'low' }]);
    // The configured rule lowers exfiltration to low, so the configured gate passes.
    expect(judgeRun({ summary: fixtureSummary(), policy }).outcome.failed).toBe(false);
  });

  it('lets --fail-on replace the configured gates and --gate-bound the bound', () => {
    const policy = reportPolicy({ config, failOn: ['asr>0.5'], gateBound: 'upper' });
    expect(policy.gates.map((g) => g.expression)).toEqual(['asr>0.5']);
    expect(policy.bound).toBe('upper');
    expect(judgeRun({ summary: fixtureSummary(), policy }).outcome.failed).toBe(true);
  });

  it('defaults to no gates at the upper bound when nothing is configured', () => {
    expect(reportPolicy({ config: {} })).toEqual({ rules: [], gates: [], bound: 'upper', undecided: 'fail' });
  });

  it('fails undecided cells unless --allow-undecided or gates.undecided: pass; a failed run fails every gate', () => {
    expect(reportPolicy({ config: { gates: { undecided: 'pass' } } }).undecided).toBe('pass');
    expect(reportPolicy({ config: {}, allowUndecided: true }).undecided).toBe('pass');
    const policy = reportPolicy({ config: {}, failOn: ['category=self-harm:asr>0.9'] });
    expect(judgeRun({ summary: fixtureSummary(), policy }).outcome.failed).toBe(false);
    const failed = judgeRun({ summary: fixtureSummary({ status: 'failed' }), policy }).outcome;
    expect(failed).toMatchObject({ failed: true, runFailure: 'the run failed' });
  });

  it('rejects a bad bound or a bad configured expression with a ConfigError', () => {
    expect(() => reportPolicy({ config: {}, gateBound: 'middle' })).toThrow(ConfigError);
    expect(() => reportPolicy({ config: {}, gateBound: 'middle' })).toThrow(/--gate-bound must be one of upper, lower, point, got 'middle'/);
    const parsed = gateSettings.safeParse({ failOn: ['asr>0.1', 'asr>>1'] });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['failOn', 1], message: expect.stringContaining("invalid gate 'asr>>1'") });
  });
});
