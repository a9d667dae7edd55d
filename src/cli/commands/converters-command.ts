import { closest } from '../../core/closest.js';
import type { ConverterDescriptor } from '../../core/converter.js';
import { ConfigError } from '../../core/errors.js';
import type { ComponentOptions } from '../../core/options.js';
import { buildChain, chainStep, converterRegistry, invisibleCounts } from '../../api/catalog.js';

const COMMAND_LINE = '<command line>';

/** Prints `text` converted by the named converter; stderr gets its length and the invisible characters in it. */
export function runConvertersTryCommand(name: string, text: string, options: { option?: string[] }): number {
  const descriptor = converterRegistry.find((d) => d.id === name);
  if (descriptor === undefined) {
    const guess = closest(name, converterRegistry.map((d) => d.id));
    throw new ConfigError(`unknown converter '${name}'`, {
      file: COMMAND_LINE,
      path: 'converters try',
      hint: guess === undefined ? 'see `redline list converters`' : `did you mean '${guess}'?`,
    });
  }
  // Unknown keys pass through as strings: creating the converter rejects them and lists the valid keys.
  const out = buildChain([chainStep(descriptor, parseAssignments(descriptor, options.option ?? []))]).convert(text);
  process.stdout.write(`${out}\n`);
  process.stderr.write(`${describeCharacters(out)}\n`);
  return 0;
}

/** Reads `key=value` pairs, typing each value like the converter's default for that key. */
function parseAssignments(descriptor: ConverterDescriptor, assignments: readonly string[]): ComponentOptions {
  const defaults = descriptor.defaults ?? {};
  return Object.fromEntries(
    assignments.map((assignment) => {
      const eq = assignment.indexOf('=');
      if (eq <= 0) {
        throw new ConfigError(`option '${assignment}' is not key=value`, { file: COMMAND_LINE, path: '--option', hint: 'e.g. --option shift=5' });
      }
      const key = assignment.slice(0, eq);
      return [key, parseValue(assignment.slice(eq + 1), { key, example: defaults[key] })];
    }),
  );
}

/** A value typed like the example: a number, a boolean, or the raw string. */
function parseValue(raw: string, like: { key: string; example: string | number | boolean | undefined }): string | number | boolean {
  const fail = (expected: string): never => {
    throw new ConfigError(`option '${like.key}' must be ${expected}, got '${raw}'`, { file: COMMAND_LINE, path: `--option ${like.key}`, hint: `the default is ${JSON.stringify(like.example)}` });
  };
  if (typeof like.example === 'number') return raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : fail('a number');
  if (typeof like.example === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : fail('true or false');
  return raw;
}

/** One line: the length in characters (code points) and each invisible code point with its count. */
function describeCharacters(text: string): string {
  const invisible = Array.from(invisibleCounts(text), ([code, n]) => `U+${code.toString(16).toUpperCase().padStart(4, '0')} ×${n}`);
  return `${Array.from(text).length} chars; invisible: ${invisible.length === 0 ? 'none' : invisible.join(', ')}`;
}
