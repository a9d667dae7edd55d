import type { ComponentOptions } from './options.js';
import type { TaxonomyTags } from './taxonomy.js';

/** A pure transformation of a prompt's text; converters chain. */
export type Converter = {
  /** Registry id, e.g. 'base64'. */
  readonly id: string;
  /** Converts the text; must be pure and deterministic. */
  convert(text: string): string;
};

/** The registrable description of a converter (STYLE.md §4). */
export type ConverterDescriptor = {
  /** Registry id. */
  readonly id: string;
  /** One line for `redline list converters`. */
  readonly summary: string;
  /** Framework ids. */
  readonly taxonomy: TaxonomyTags;
  /** Bump when the output for the same input changes. */
  readonly version: number;
  /** Default options of a parameterized converter (absent: it takes none); config may override each key. */
  readonly defaults?: ComponentOptions;
  /** Builds the converter from its options (the defaults merged with the configured ones). */
  readonly create: (options: ComponentOptions) => Converter;
};

/** Declares a converter descriptor with its types checked. */
export function defineConverter<const D extends ConverterDescriptor>(descriptor: D): D {
  return descriptor;
}
