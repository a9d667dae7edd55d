import { join } from 'node:path';
import { ConfigError } from '../core/errors.js';
import { optionKeys } from '../core/options.js';
import type { Goal } from '../core/goal.js';
import type { DatasetOptions } from './dataset-descriptor.js';
import { DEFAULT_DATASET_DIR, findDataset } from './dataset-registry.js';

/** What to read: a dataset id, the file (its pulled default when absent) and the importer's options. */
export type DatasetSource = {
  /** Registry id, e.g. 'harmbench'. */
  readonly dataset: string;
  /** The file to read; absent: the dataset's default file under `dir`. */
  readonly file?: string;
  /** Where pulled datasets live (default `.redline/datasets`). */
  readonly dir?: string;
  /** Importer options; keys the importer does not declare are a ConfigError. */
  readonly options?: DatasetOptions;
};

/** Reads a dataset's goals: checks the option names with the dataset's schema, picks the file, calls the importer. */
export function loadDataset(source: DatasetSource): Goal[] {
  const descriptor = findDataset(source.dataset);
  const parsed = descriptor.options.safeParse(source.options ?? {});
  if (!parsed.success) {
    // The schema names the options; their values are the importer's to check, with messages naming the option.
    const known = optionKeys(descriptor.options);
    const unknown = parsed.error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : []));
    const key = unknown[0] ?? '(options)';
    const hint = known.length === 0 ? `'${descriptor.id}' takes no options` : `'${descriptor.id}' takes: ${known.join(', ')}`;
    throw new ConfigError(`dataset '${descriptor.id}' has no option '${key}'`, { file: '<options>', path: key, hint });
  }
  const file = source.file ?? (descriptor.defaultFile === undefined ? undefined : join(source.dir ?? DEFAULT_DATASET_DIR, descriptor.id, descriptor.defaultFile));
  if (file === undefined) {
    throw new ConfigError(`dataset '${descriptor.id}' needs a file`, { file: '<options>', path: 'file', hint: 'name your CSV, JSONL or JSON file with file: …' });
  }
  return descriptor.create(parsed.data)(file);
}
