import type { Goal } from '../core/goal.js';
import type { Persona } from '../core/outcome.js';
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

/** The registrable description of a public dataset and how to read it as goals (STYLE.md §4). */
export type DatasetDescriptor = {
  /** Registry id, e.g. 'harmbench'. */
  readonly id: string;
  /** One line for `redline datasets list`. */
  readonly summary: string;
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
  /** The options `load` accepts, each with a one-line meaning. */
  readonly options?: Readonly<Record<string, string>>;
  /** Reads the goals of one file, exactly as downloaded upstream; any problem is a DatasetError naming the row. */
  readonly load: (file: string, options?: DatasetOptions) => Goal[];
};

/** Declares a dataset descriptor with its types checked, keeping its literal id. */
export function defineDataset<const D extends DatasetDescriptor>(descriptor: D): D {
  return descriptor;
}
