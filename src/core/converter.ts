import { optionsFromDefaults, type ComponentOptions } from './options.js';
import type { Descriptor, OptionsSchema } from './registry.js';
import type { TaxonomyTags } from './taxonomy.js';

/** A pure transformation of a prompt's text; converters chain. */
export type Converter = {
  /** Registry id, e.g. 'base64'. */
  readonly id: string;
  /** Converts the text; must be pure and deterministic. */
  convert(text: string): string;
  /**
   * Undoes `convert`, for a reversible converter, tolerating a reply that only partly uses the encoding; absent for
   * one that cannot be undone (framings, random noise). Replies written in kind are read through it.
   */
  decode?(text: string): string;
};

/** The registrable description of a converter (STYLE.md §4): the common descriptor plus its framework ids. */
export type ConverterDescriptor<Id extends string = string> = Descriptor<Id, ComponentOptions, Converter> & {
  /** Framework ids. */
  readonly taxonomy: TaxonomyTags;
  /** Default options of a parameterized converter (absent: it takes none); `options` is derived from them. */
  readonly defaults?: ComponentOptions;
  /** True when its converters can `decode`: a reply written in kind can be read back. */
  readonly reversible?: boolean;
};

/** What a converter file declares: the descriptor without its options schema, which its defaults give. */
export type ConverterSpec = Omit<ConverterDescriptor, 'options'>;

/** Declares a converter descriptor with its types checked; its options schema types each key like its default. */
export function defineConverter<const D extends ConverterSpec>(spec: D): D & { readonly options: OptionsSchema<ComponentOptions> } {
  return { ...spec, options: optionsFromDefaults(spec.defaults) };
}
