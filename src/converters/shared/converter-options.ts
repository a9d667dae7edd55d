import { ConfigError } from '../../core/errors.js';
import type { ComponentOptions } from '../../core/options.js';

/** The option values a converter receives: its defaults' keys, each widened to its default's type. */
export type OptionValues<D extends ComponentOptions> = {
  readonly [K in keyof D]: D[K] extends number ? number : D[K] extends boolean ? boolean : string;
};

/** The allowed values of a numeric option: whole numbers in [min, max], or any number there with `fraction`. */
export type NumberRange = { readonly min: number; readonly max: number; readonly fraction?: boolean };

/** What a converter declares about its options. */
export type OptionDeclaration<D extends ComponentOptions> = {
  /** Converter id, for messages. */
  readonly id: string;
  /** Default of every option; their types are the options' types. */
  readonly defaults: D;
  /** Ranges of numeric options. */
  readonly ranges?: { readonly [K in keyof D]?: NumberRange };
};

/** Which option of which converter a message is about. */
type OptionRef = { readonly id: string; readonly key: string };

function fail(ref: OptionRef, problem: { message: string; hint?: string }): never {
  throw new ConfigError(`option '${ref.key}' of converter '${ref.id}' ${problem.message}`, {
    file: '<options>',
    path: `converters.${ref.id}.${ref.key}`,
    hint: problem.hint,
  });
}

/** Merges options over the defaults, rejecting unknown keys, values of the wrong type and numbers out of range. */
export function resolveOptions<D extends ComponentOptions>(declared: OptionDeclaration<D>, options: ComponentOptions): OptionValues<D> {
  const { id, defaults } = declared;
  const ranges: Readonly<Record<string, NumberRange | undefined>> = declared.ranges ?? {};
  const keys = Object.keys(defaults);
  for (const [key, value] of Object.entries(options)) {
    if (!Object.hasOwn(defaults, key)) {
      throw new ConfigError(`converter '${id}' has no option '${key}'`, {
        file: '<options>',
        path: `converters.${id}.${key}`,
        hint: keys.length === 0 ? `'${id}' takes no options` : `valid keys: ${keys.join(', ')}`,
      });
    }
    const expected = typeof defaults[key];
    if (typeof value !== expected) fail({ id, key }, { message: `must be a ${expected}`, hint: `the default is ${JSON.stringify(defaults[key])}` });
    const range = ranges[key];
    if (range !== undefined && typeof value === 'number' && !inRange(value, range)) {
      fail({ id, key }, { message: `must be a ${range.fraction ? 'number' : 'whole number'} from ${range.min} to ${range.max}`, hint: `got ${value}` });
    }
  }
  return { ...defaults, ...options } as OptionValues<D>;
}

function inRange(value: number, range: NumberRange): boolean {
  return (range.fraction === true || Number.isInteger(value)) && value >= range.min && value <= range.max;
}

/** The entry of `table` a string option names, or a ConfigError listing the choices. */
export function chooseOption<T>(ref: OptionRef & { value: string; table: Readonly<Record<string, T>> }): T {
  if (!Object.hasOwn(ref.table, ref.value)) fail(ref, { message: `cannot be '${ref.value}'`, hint: `use one of: ${Object.keys(ref.table).join(', ')}` });
  return ref.table[ref.value]!;
}
