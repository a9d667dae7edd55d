import { defineConverter, type ConverterDescriptor } from '../../core/converter.js';
import type { ComponentOptions } from '../../core/options.js';
import type { TaxonomyTags } from '../../core/taxonomy.js';
import { resolveOptions, type NumberRange, type OptionValues } from './converter-options.js';

/** What a converter file declares: the descriptor's fields and how its options build a text function. */
export type TextConverterSpec<Id extends string, D extends ComponentOptions> = {
  /** Registry id, kebab-case. */
  readonly id: Id;
  /** One line for `redline list converters`. */
  readonly summary: string;
  /** Framework ids. */
  readonly taxonomy: TaxonomyTags;
  /** Bump when the output for the same input changes. */
  readonly version: number;
  /** Default options; absent when the converter takes none. */
  readonly defaults?: D;
  /** Allowed ranges of numeric options, checked when the converter is created. */
  readonly ranges?: { readonly [K in keyof D]?: NumberRange };
  /** Builds the pure text function from the resolved options; may throw ConfigError for a bad value. */
  readonly build: (options: OptionValues<D>) => (text: string) => string;
  /** Builds the function that undoes it, for a reversible converter: replies written in kind are read decoded. */
  readonly decode?: (options: OptionValues<D>) => (text: string) => string;
};

/** A converter descriptor whose id keeps its literal type, so the registry can derive the id union. */
export type TextConverterDescriptor<Id extends string> = ConverterDescriptor & { readonly id: Id };

/** Declares a converter from a text function; its options schema comes from the defaults, ranges are checked at create time. */
export function defineTextConverter<Id extends string, D extends ComponentOptions = Record<never, never>>(
  spec: TextConverterSpec<Id, D>,
): TextConverterDescriptor<Id> {
  const { build, decode, ranges, ...descriptor } = spec;
  const declared = { id: spec.id, defaults: spec.defaults ?? ({} as D), ranges };
  const converter = defineConverter({
    ...descriptor,
    reversible: decode !== undefined,
    create: (options: ComponentOptions) => {
      const resolved = resolveOptions(declared, options);
      return { id: spec.id, convert: build(resolved), ...(decode === undefined ? {} : { decode: decode(resolved) }) };
    },
  });
  return converter;
}
