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
  /** Builds the converter. */
  readonly create: () => Converter;
};

/** Declares a converter descriptor with its types checked. */
export function defineConverter(descriptor: ConverterDescriptor): ConverterDescriptor {
  return descriptor;
}
