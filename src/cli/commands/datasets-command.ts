import { closest } from '../../core/closest.js';
import { ConfigError } from '../../core/errors.js';
import { DEFAULT_DATASET_DIR, datasetRegistry, pullDataset } from '../../api/catalog.js';

/** Lists the datasets Redline can read: id, persona, licence and summary. */
export function runDatasetsListCommand(): number {
  const lines = datasetRegistry.map((d) => `${d.id.padEnd(18)} ${d.persona.padEnd(9)} ${d.license.padEnd(12)} ${d.summary}`);
  process.stdout.write(`${'id'.padEnd(18)} ${'persona'.padEnd(9)} ${'license'.padEnd(12)} summary\n${lines.join('\n')}\n`);
  return 0;
}

/** Downloads a dataset's files from upstream (or a mirror), verifies their SHA-256 and prints where they are. */
export async function runDatasetsPullCommand(id: string, options: { dir?: string; baseUrl?: string }): Promise<number> {
  const known = datasetRegistry.map((d) => d.id);
  if (!known.includes(id as (typeof known)[number])) {
    const guess = closest(id, known);
    throw new ConfigError(`unknown dataset '${id}'`, { file: '<command line>', path: 'id', hint: guess ? `did you mean '${guess}'?` : `use one of: ${known.join(', ')}` });
  }
  const dir = options.dir ?? DEFAULT_DATASET_DIR;
  const paths = await pullDataset({ id, dir, fetch: globalThis.fetch, ...(options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl }) });
  process.stdout.write(`${id}: ${paths.length} file(s) verified (SHA-256)\n${paths.map((p) => `  ${p}`).join('\n')}\n`);
  return 0;
}
