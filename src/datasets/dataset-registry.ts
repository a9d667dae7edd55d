import { createRegistry, type Registry } from '../core/registry.js';
import type { DatasetDescriptor } from './dataset-descriptor.js';
import { advbench } from './importers/advbench.js';
import { bbq } from './importers/bbq.js';
import { bipia } from './importers/bipia.js';
import { crowsPairs } from './importers/crows-pairs.js';
import { cyberseceval } from './importers/cyberseceval.js';
import { harmbench } from './importers/harmbench.js';
import { jailbreakLlms } from './importers/jailbreak-llms.js';
import { jailbreakbench } from './importers/jailbreakbench.js';
import { mapped } from './importers/mapped.js';
import { simpleSafetyTests } from './importers/simple-safety-tests.js';
import { xstest } from './importers/xstest.js';

const all = [
  harmbench,
  advbench,
  jailbreakbench,
  xstest,
  simpleSafetyTests,
  jailbreakLlms,
  bipia,
  cyberseceval,
  bbq,
  crowsPairs,
  mapped,
] as const;

/** A dataset id known to the registry. */
export type DatasetId = (typeof all)[number]['id'];

/** Every public dataset Redline can read; the only place the id list is written. */
export const datasetRegistry: Registry<DatasetDescriptor<DatasetId>> = createRegistry('dataset', all);

/** Where `redline datasets pull` saves files by default, relative to the working folder. */
export const DEFAULT_DATASET_DIR = '.redline/datasets';

/** The descriptor of a dataset id; a ConfigError naming the closest known id otherwise. */
export function findDataset(id: string): DatasetDescriptor {
  return datasetRegistry.get(id);
}
