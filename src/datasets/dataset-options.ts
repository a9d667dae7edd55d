import { ConfigError } from '../core/errors.js';
import type { DatasetOptions } from './dataset-descriptor.js';

/** A string option of an importer (undefined when unset); a ConfigError naming the option when it is not one of `allowed`. */
export function stringOption(options: DatasetOptions, key: string, spec: { dataset: string; allowed?: readonly string[] }): string | undefined {
  const value = options[key];
  if (value === undefined) return undefined;
  if (typeof value === 'string' && (spec.allowed === undefined || spec.allowed.includes(value))) return value;
  const expected = spec.allowed === undefined ? 'a string' : `one of ${spec.allowed.map((a) => `'${a}'`).join(', ')}`;
  throw new ConfigError(`dataset '${spec.dataset}': option '${key}' must be ${expected}, not ${JSON.stringify(value)}`, {
    file: '<options>',
    path: key,
    hint: `set ${key} to ${expected}`,
  });
}
