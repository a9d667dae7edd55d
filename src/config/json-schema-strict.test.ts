import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { validateConfig } from './load-config.js';
import { configJsonSchema } from './schema.js';

const ajv = new Ajv2020({ strict: false, allErrors: true });
const editor = ajv.compile(configJsonSchema() as object);

/** Whether the loader accepts a configuration. */
function loads(config: unknown): boolean {
  try {
    validateConfig(config, 'redline.yaml');
    return true;
  } catch (error) {
    if (error instanceof ConfigError) return false;
    throw error;
  }
}

const cases: readonly [string, unknown][] = [
  ['bare ids', { converters: [[], ['base64', 'leetspeak']], techniques: ['role-play'] }],
  ['options of a converter and a technique', { converters: [[{ id: 'caesar', shift: 5 }]], techniques: [{ id: 'many-shot', shots: 4 }] }],
  ['a misspelled converter option', { converters: [[{ id: 'caesar', shfit: 5 }]] }],
  ['a converter option of the wrong type', { converters: [[{ id: 'caesar', shift: 'five' }]] }],
  ['a misspelled technique option', { techniques: [{ id: 'many-shot', shotz: 4 }] }],
  ['an unknown converter', { converters: [['base65']] }],
  ['an option given to the wrong converter', { converters: [[{ id: 'base64', shift: 5 }]] }],
];

describe('the JSON Schema editors read (redline schema)', () => {
  it.each(cases)('agrees with the loader on %s', (_name, config) => {
    expect(editor(config)).toBe(loads(config));
  });

  it('rejects what the loader rejects among these, and accepts the rest', () => {
    expect(cases.map(([name, config]) => [name, editor(config)])).toEqual(cases.map(([name], i) => [name, i < 2]));
  });
});
