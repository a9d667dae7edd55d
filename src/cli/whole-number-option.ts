import { ConfigError } from '../core/errors.js';

/** A whole-number flag (≥ min), undefined when not given; anything else is a command-line error with an example. */
export function wholeNumberOption(value: string | undefined, flag: string, min: number, example = Math.max(min, 5)): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) {
    throw new ConfigError(`${flag} must be a whole number ≥ ${min}, got '${value}'`, { file: '<command line>', path: flag, hint: `e.g. ${flag} ${example}` });
  }
  return n;
}
