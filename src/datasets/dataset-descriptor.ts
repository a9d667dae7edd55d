import { z } from 'zod';
import type { Goal } from '../core/goal.js';
import type { Persona } from '../core/outcome.js';
import type { Descriptor } from '../core/registry.js';
import type { TaxonomyTags } from '../core/taxonomy.js';

/** One file of a dataset at its official public location. */
export type DatasetFile = {
  /** Where `pull` saves it under `<dir>/<dataset id>/`, and its path under a mirror's `baseUrl`; may hold folders. */
  readonly name: string;
  /** The official download URL, pinned to a commit where upstream has one. */
  readonly url: string;
  /** SHA-256 of the file's bytes, hex. */
  readonly sha256: string;
};

/** Importer options from the configuration, e.g. `{ fields: { goal: 'prompt' } }`; each importer checks its own. */
export type DatasetOptions = Readonly<Record<string, unknown>>;

/** Reads the goals of one file, exactly as downloaded upstream; any problem is a DatasetError naming the row. */
export type DatasetReader = (file: string) => Goal[];

/**
 * The registrable description of a public dataset and how to read it as goals (STYLE.md §4): the common descriptor,
 * whose options schema names the importer options (each importer checks their values itself, naming the row or option).
 */
export type DatasetDescriptor<Id extends string = string> = Descriptor<Id, DatasetOptions, DatasetReader> & {
  /** The upstream licence, e.g. 'MIT' or 'CC-BY-4.0'. */
  readonly license: string;
  /** The upstream project page. */
  readonly homepage: string;
  /** Files `redline datasets pull` fetches; empty for the generic mapping, which reads the user's own file. */
  readonly files: readonly DatasetFile[];
  /** The file (a `files` name) read when the configuration names none; absent when there is no default. */
  readonly defaultFile?: string;
  /** Persona of the goals it yields; 'mixed' when each row says (XSTest, the generic mapping). */
  readonly persona: Persona | 'mixed';
  /** Framework ids its goals exercise, when they exercise one attack kind. */
  readonly taxonomy?: TaxonomyTags;
  /** Reads the goals of one file with these options (`create(options)` binds them). */
  readonly load: (file: string, options?: DatasetOptions) => Goal[];
};

/** What a dataset file declares: the descriptor's facts, its options with a one-line meaning each, and `load`. */
export type DatasetSpec = Omit<DatasetDescriptor, 'options' | 'version' | 'create'> & {
  /** Bump when the goals read from the same file with the same options change (default 1). */
  readonly version?: number;
  /** The options `load` accepts, each with a one-line meaning. */
  readonly options?: Readonly<Record<string, string>>;
};

/** Declares a dataset descriptor, keeping its literal id: its options schema lists the declared options, described. */
export function defineDataset<const D extends DatasetSpec>(spec: D): Omit<D, 'options' | 'version'> & DatasetDescriptor<D['id']> {
  const declared = Object.entries(spec.options ?? {}).map(([key, meaning]) => [key, z.unknown().optional().describe(meaning)] as const);
  return {
    ...spec,
    version: spec.version ?? 1,
    options: z.strictObject(Object.fromEntries(declared)) as z.ZodType<DatasetOptions>,
    create: (options) => (file) => spec.load(file, options),
  };
}
