import type { ComponentOptions } from '../../core/options.js';
import { deriveSeed, seededRandom, type Random } from '../../core/random.js';
import type { OptionValues } from './converter-options.js';
import { defineTextConverter, type TextConverterDescriptor, type TextConverterSpec } from './define-text-converter.js';

/** A randomised converter's spec: its text function also receives a generator seeded for that text. */
export type SeededConverterSpec<Id extends string, D extends ComponentOptions> = Omit<TextConverterSpec<Id, D>, 'build'> & {
  /** Builds the text function; `random` is seeded by the `seed` option and the input text. */
  readonly build: (options: OptionValues<D>) => (text: string, random: Random) => string;
};

/**
 * Declares a randomised converter that stays pure: it gains a `seed` option (default 1), and each call draws from
 * a generator seeded by that option and the input text, so the same input always gives the same output.
 */
export function defineSeededConverter<Id extends string, D extends ComponentOptions = Record<never, never>>(
  spec: SeededConverterSpec<Id, D>,
): TextConverterDescriptor<Id> {
  const { build, defaults, ...rest } = spec;
  return defineTextConverter({
    ...rest,
    defaults: { seed: 1, ...defaults } as D & { seed: number },
    build: (options) => {
      const convert = build(options);
      const { seed } = options as OptionValues<{ seed: number }>;
      return (text) => convert(text, seededRandom(deriveSeed(seed, text)));
    },
  });
}
