// Reads technique options whose range the config schema cannot check (it checks only each option's type).
import { ConfigError } from '../../core/errors.js';
import type { ComponentOptions } from '../../core/options.js';

/** Typed, range-checked access to one technique's options; a bad value throws a ConfigError naming the option. */
export type OptionReader = {
  /** A whole number within [min, max]. */
  integer(key: string, range: { readonly min: number; readonly max: number }): number;
  /** A string that is one of the choices. */
  choice<const C extends string>(key: string, choices: readonly C[]): C;
};

/** An option reader over the options of the technique `technique`. */
export function optionReader(technique: string, options: ComponentOptions): OptionReader {
  const fail = (key: string, expected: string, hint: string): never => {
    throw new ConfigError(`option '${key}' of technique '${technique}' must be ${expected}, not ${String(options[key])}`, {
      file: '<options>',
      path: `techniques.${technique}.${key}`,
      hint,
    });
  };
  return {
    integer(key, { min, max }) {
      const value = options[key];
      if (typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max) return value;
      return fail(key, `a whole number from ${min} to ${max}`, `set ${key} to a value from ${min} to ${max}`);
    },
    choice(key, choices) {
      const value = options[key];
      const found = choices.find((c) => c === value);
      return found ?? fail(key, `one of ${choices.join(', ')}`, `set ${key} to ${choices.join(' or ')}`);
    },
  };
}
