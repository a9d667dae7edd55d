import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { parseGate } from './parse-gate.js';

describe('parseGate', () => {
  it.each([
    ['asr>0.05', [], { metric: 'asr', op: '>', value: 0.05 }],
    ['category=self-harm:asr>0', [{ key: 'category', pattern: 'self-harm' }], { metric: 'asr', op: '>', value: 0 }],
    ['technique=role-play:asr>=0.2', [{ key: 'technique', pattern: 'role-play' }], { metric: 'asr', op: '>=', value: 0.2 }],
    ['persona=benign:asr>10%', [{ key: 'persona', pattern: 'benign' }], { metric: 'asr', op: '>', value: 0.1 }],
    ['severity>=important', [], { metric: 'severity', op: '>=', value: 'important' }],
    ['category=bias:*:persona=benign:asr > 0.3', [{ key: 'category', pattern: 'bias:*' }, { key: 'persona', pattern: 'benign' }], { metric: 'asr', op: '>', value: 0.3 }],
    ['kind=security:severity==critical', [{ key: 'kind', pattern: 'security' }], { metric: 'severity', op: '=', value: 'critical' }],
  ])('parses %s', (expression, selectors, condition) => {
    expect(parseGate(expression)).toEqual({ expression, selectors, condition });
  });

  it.each([
    ['asr>>0.05', /does not end in a condition/, /asr>RATE/],
    ['asr', /does not end in a condition/, /e\.g\. category=self-harm:asr>0/],
    ['asr>1.5', /'1\.5' is not a rate/, /number from 0 to 1/],
    ['asr>', /'' is not a rate/, /number from 0 to 1/],
    ['asrr>0.1', /unknown metric 'asrr'/, /did you mean 'asr'/],
    ['severity>=high', /unknown severity 'high'/, /severities are low, moderate, important, critical/],
    ['severity>=importnt', /unknown severity/, /did you mean 'important'/],
    ['categroy=self-harm:asr>0', /unknown selector 'categroy'/, /did you mean 'category'/],
    ['self-harm:asr>0', /'self-harm' is not a selector/, /did you mean 'category=self-harm'/],
    ['category=:asr>0', /selector 'category' has no value/, /asr>RATE/],
  ])('rejects %s with the expression and a hint', (expression, message, hint) => {
    let error: unknown;
    try {
      parseGate(expression);
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toContain(`invalid gate '${expression}'`);
    expect((error as ConfigError).message).toMatch(message);
    expect((error as ConfigError).hint).toMatch(hint);
    expect(error).toMatchObject({ file: '<command line>', path: '--fail-on' });
  });

  it('selects on the converter chain and on errored attempts', () => {
    expect(parseGate('chain=base64:asr>0')).toMatchObject({ selectors: [{ key: 'chain', pattern: 'base64' }], condition: { metric: 'asr', op: '>', value: 0 } });
    expect(parseGate('errors>3')).toMatchObject({ condition: { metric: 'errors', op: '>', value: 3 } });
    expect(parseGate('category=fraud:error-rate>=10%')).toMatchObject({ condition: { metric: 'error-rate', op: '>=', value: 0.1 } });
    expect(() => parseGate('chian=base64:asr>0')).toThrow(expect.objectContaining({ hint: "did you mean 'chain'?" }));
    expect(() => parseGate('errors>0.5')).toThrow(/is not a count of attempts/);
    expect(() => parseGate('eror-rate>0.5')).toThrow(expect.objectContaining({ hint: "did you mean 'error-rate'?" }));
  });

  it('names the config path for a configured gate', () => {
    expect(() => parseGate('nope', { file: 'redline.yaml', path: 'gates.failOn[1]' })).toThrow(expect.objectContaining({ file: 'redline.yaml', path: 'gates.failOn[1]' }));
  });
});
