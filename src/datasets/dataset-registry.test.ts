import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import type { DatasetDescriptor } from './dataset-descriptor.js';
import { datasetRegistry, findDataset } from './dataset-registry.js';
import { loadDataset } from './load-dataset.js';

const SHARED = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));

describe('the dataset registry', () => {
  it('has unique ids, a default file among each dataset’s files, and pinned SHA-256s', () => {
    expect(new Set(datasetRegistry.map((d) => d.id)).size).toBe(datasetRegistry.length);
    const descriptors: readonly DatasetDescriptor[] = datasetRegistry;
    for (const d of descriptors) {
      if (d.defaultFile !== undefined) expect(d.files.map((f) => f.name)).toContain(d.defaultFile);
      for (const f of d.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
      for (const f of d.files) expect(f.url).toMatch(/^https:\/\/raw\.githubusercontent\.com\//);
    }
  });

  it('names the known ids for an unknown one, and the accepted options for an unknown option', () => {
    expect(() => findDataset('harmbenhc')).toThrow(ConfigError);
    expect(() => loadDataset({ dataset: 'advbench', file: 'x.csv', options: { fields: {} } })).toThrow(/has no option 'fields'/);
    expect(() => loadDataset({ dataset: 'mapped' })).toThrow(/needs a file/);
  });

  it.skipIf(!existsSync(SHARED))('reads a default file from a pulled-datasets folder laid out like the upstream mirror', () => {
    expect(loadDataset({ dataset: 'xstest', dir: SHARED })).toHaveLength(450);
    expect(loadDataset({ dataset: 'harmbench', dir: SHARED, options: { functionalCategory: 'contextual' } })).toHaveLength(100);
  });
});
