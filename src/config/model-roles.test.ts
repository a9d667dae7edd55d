import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { checkConfig, loadConfig, parseConfigText, validateConfig } from './load-config.js';
import { configJsonSchema } from './schema.js';

const judge = { type: 'openai', baseUrl: 'http://127.0.0.1:9/v1', model: 'judge' };

describe('model roles under models:', () => {
  it('reads attacker, judge and translator under models:, each with a target’s options and defaults', () => {
    const config = parseConfigText('models:\n  judge: { type: openai, model: j }\n  attacker: { type: demo }\n', 'redline.yaml');
    expect(config.models.judge).toMatchObject({ type: 'openai', model: 'j', baseUrl: 'https://api.openai.com/v1' });
    expect(config.models.attacker).toMatchObject({ type: 'demo', defense: 'medium' });
    expect(config.models.translator).toBeUndefined();
    expect(parseConfigText('', 'redline.yaml').models).toEqual({});
  });

  it('still accepts the old top-level keys, as models.*, with one deprecation line each', () => {
    const checked = checkConfig({ judge, translator: judge }, 'redline.yaml');
    expect(checked.config.models).toMatchObject({ judge: { model: 'judge' }, translator: { model: 'judge' } });
    expect(checked.config).not.toHaveProperty('judge');
    expect(checked.warnings).toEqual([
      "redline.yaml: 'judge' is deprecated; write it as models.judge",
      "redline.yaml: 'translator' is deprecated; write it as models.translator",
    ]);
    expect(checkConfig({ models: { judge } }, 'redline.yaml').warnings).toEqual([]);
    expect(checkConfig({ attacker: undefined }, 'redline.yaml').warnings).toEqual([]);
  });

  it('refuses a role given both ways, naming it', () => {
    const both = (): unknown => validateConfig({ judge, models: { judge } }, 'redline.yaml');
    expect(both).toThrow(ConfigError);
    expect(both).toThrow(expect.objectContaining({ path: 'judge', message: expect.stringMatching(/^redline\.yaml: judge: .*models\.judge/) }));
  });

  it('re-validates a configuration stored by an older version, with top-level judge: and defaults filled in', () => {
    const stored = JSON.parse(JSON.stringify(validateConfig({}, 'old'))) as Record<string, unknown>;
    delete stored['models'];
    const config = validateConfig({ ...stored, judge: { ...judge, headers: undefined } }, 'run r-1');
    expect(config.models.judge).toMatchObject({ model: 'judge' });
    // What a new run stores validates again unchanged.
    expect(validateConfig(JSON.parse(JSON.stringify(config)), 'run r-2')).toEqual(config);
  });

  it('loadConfig returns the deprecation lines of the file it read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-roles-'));
    writeFileSync(join(dir, 'redline.yaml'), 'attacker: { type: demo }\n');
    const loaded = await loadConfig({ cwd: dir });
    expect(loaded.warnings).toEqual([`${join(dir, 'redline.yaml')}: 'attacker' is deprecated; write it as models.attacker`]);
    expect(loaded.config.models.attacker).toMatchObject({ type: 'demo' });
    expect((await loadConfig({ cwd: mkdtempSync(join(tmpdir(), 'redline-roles-')) })).warnings).toEqual([]);
  });

  it('the JSON Schema has models:, and lists the old keys as deprecated so editors still accept them', () => {
    const schema = configJsonSchema() as { properties: Record<string, { deprecated?: boolean; properties?: object; $ref?: string }> };
    expect(Object.keys(schema.properties['models']?.properties ?? {})).toEqual(['attacker', 'judge', 'translator']);
    expect(schema.properties['judge']).toEqual(expect.objectContaining({ deprecated: true, $ref: '#/properties/models/properties/judge' }));
  });
});
