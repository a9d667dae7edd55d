import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { EXAMPLE_CONFIG } from '../cli/commands/example-config.js';
import { configJsonSchema } from './schema.js';
import { loadConfig, parseConfigText } from './load-config.js';

function problem(text: string): ConfigError {
  try {
    parseConfigText(text, 'redline.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('configuration', () => {
  it('an empty file is the default demo scan', () => {
    const config = parseConfigText('', 'redline.yaml');
    expect(config.target).toMatchObject({ type: 'demo', defense: 'medium' });
    expect(config.trials).toBe(5);
    expect(config.goals).toEqual([{ builtin: 'starter' }]);
  });

  it('the init example is valid', () => {
    expect(parseConfigText(EXAMPLE_CONFIG, 'example').target.type).toBe('demo');
  });

  it('names the path and suggests the closest id for a misspelt technique', () => {
    const error = problem('techniques: [direct-request, role-ply]\n');
    expect(error.path).toBe('techniques[1]');
    expect(error.message).toContain("'role-ply'");
    expect(error.hint).toContain("did you mean 'role-play'");
  });

  it('checks technique options against the technique’s defaults', () => {
    const error = problem('techniques: [direct-request, { id: role-play, shots: 3 }]\n');
    expect(error.path).toBe('techniques[1].shots');
    expect(error.message).toContain("technique 'role-play' has no option 'shots' (it takes none)");
  });

  it('rejects unknown keys with their path', () => {
    const error = problem('target:\n  type: demo\n  defence: high\n');
    expect(error.path).toBe('target.defence');
    expect(error.message).toContain("unknown key 'defence'");
  });

  it('names the wrong field inside the chosen target type', () => {
    const error = problem('target:\n  type: openai\n  model: 42\n');
    expect(error.path).toBe('target.model');
  });

  it('suggests the closest target type', () => {
    const error = problem('target:\n  type: opena\n');
    expect(error.path).toBe('target.type');
    expect(error.hint).toContain("'openai'");
  });

  it('reports YAML syntax errors with line and column', () => {
    const error = problem('trials: 5\ntechniques: [a, b\n');
    expect(error.message).toMatch(/redline\.yaml: line \d+, column \d+/);
  });

  it('names a missing file and points at init', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-config-'));
    await expect(loadConfig({ file: 'nope.yaml', cwd: dir })).rejects.toThrow(/cannot read .*nope\.yaml \(no such file, ENOENT\)/);
  });

  it('finds redline.yaml in the working directory', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-config-'));
    writeFileSync(join(dir, 'redline.yaml'), 'trials: 2\n');
    expect((await loadConfig({ cwd: dir })).config.trials).toBe(2);
  });

  it('exports a JSON Schema that lists every top-level key', () => {
    const schema = configJsonSchema() as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['target', 'goals', 'techniques', 'converters', 'trials', 'scoring', 'output']));
  });
});

describe('configured components', () => {
  it('a technique listed twice is a config error', async () => {
    const { scan } = await import('../api/scan.js');
    await expect(scan({ database: ':memory:', reports: { json: false, html: false }, config: { techniques: ['role-play', 'role-play'] } })).rejects.toThrow(
      /techniques: 'role-play' is listed twice/,
    );
  });
});

describe('technique option values', () => {
  it('an out-of-range option names the config file and the entry', async () => {
    const { scan } = await import('../api/scan.js');
    await expect(
      scan({ database: ':memory:', configFile: 'redline.yaml', reports: { json: false, html: false }, config: { techniques: ['direct-request', { id: 'many-shot', shots: 0 }] } }),
    ).rejects.toMatchObject({ file: 'redline.yaml', path: 'techniques[1]', message: expect.stringMatching(/^redline\.yaml: techniques\[1\]: .*shots/) });
  });
});
