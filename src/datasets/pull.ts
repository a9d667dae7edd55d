import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join } from 'node:path';
import { ConfigError, DatasetError } from '../core/errors.js';
import type { DatasetFile } from './dataset-descriptor.js';
import { findDataset } from './dataset-registry.js';

/** What to pull, where to, and with which `fetch`. */
export type PullRequest = {
  /** Dataset id, e.g. 'harmbench'. */
  readonly id: string;
  /** The datasets folder; files land in `<dir>/<id>/<name>`. */
  readonly dir: string;
  /** The fetch to download with (injected: the CLI passes the global one). */
  readonly fetch: typeof fetch;
  /** A mirror to download from instead of the official URLs: each file is fetched from `baseUrl` + its name. */
  readonly baseUrl?: string;
};

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/**
 * Downloads a dataset's files, checks each SHA-256 against the registry and writes them atomically
 * (temp file + rename) into `<dir>/<id>/`, returning their paths. A file already there with the right hash
 * is kept without downloading; if any download fails or mismatches, nothing new is written.
 */
export async function pullDataset(request: PullRequest): Promise<string[]> {
  const dataset = findDataset(request.id);
  if (dataset.files.length === 0) {
    throw new ConfigError(`dataset '${dataset.id}' has nothing to pull`, { file: '<options>', path: 'id', hint: 'point file: at your own CSV, JSONL or JSON file' });
  }
  const root = join(request.dir, dataset.id);
  const planned = dataset.files.map((file) => ({ file, path: join(root, file.name), url: sourceUrl(file, request.baseUrl) }));
  const missing = planned.filter(({ file, path }) => !(existsSync(path) && sha256(readFileSync(path)) === file.sha256));
  const downloads = [];
  for (const item of missing) downloads.push({ path: item.path, bytes: await download({ ...item, id: dataset.id, fetch: request.fetch, missing }) });
  for (const { path, bytes } of downloads) writeAtomically(path, bytes);
  return planned.map(({ path }) => path);
}

function sourceUrl(file: DatasetFile, baseUrl: string | undefined): string {
  if (isAbsolute(file.name) || file.name.split('/').includes('..')) throw new Error(`unsafe dataset file name '${file.name}'`);
  if (baseUrl === undefined) return file.url;
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL(file.name.split('/').map(encodeURIComponent).join('/'), base).href;
}

type Planned = { readonly file: DatasetFile; readonly path: string; readonly url: string };

async function download(item: Planned & { id: string; fetch: typeof fetch; missing: readonly Planned[] }): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    const response = await item.fetch(item.url);
    if (!response.ok) {
      throw new DatasetError(`HTTP ${response.status} downloading ${item.url}`, { file: item.path, hint: 'check the URL or the --base-url mirror; nothing was written' });
    }
    bytes = new Uint8Array(await response.arrayBuffer());
  } catch (cause) {
    if (cause instanceof DatasetError) throw cause;
    const code = (cause as { cause?: { code?: string } }).cause?.code ?? String(cause);
    const byHand = item.missing.map((m) => `${m.url} → ${m.path}`).join('; ');
    throw new DatasetError(`offline: cannot reach ${new URL(item.url).host} to download '${item.id}' (${code})`, {
      file: item.path,
      hint: `connect, use --base-url for a mirror, or put the files there by hand: ${byHand}`,
      cause,
    });
  }
  const actual = sha256(bytes);
  if (actual !== item.file.sha256) {
    throw new DatasetError(`SHA-256 mismatch for ${item.file.name} from ${item.url}: expected ${item.file.sha256}, got ${actual}`, {
      file: item.path,
      hint: 'the file upstream or on the mirror is not the version Redline knows; nothing was written',
    });
  }
  return bytes;
}

/** Writes beside the target and renames, so a reader never sees half a file. */
function writeAtomically(path: string, bytes: Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.${randomUUID()}.part`;
  try {
    writeFileSync(temp, bytes);
    renameSync(temp, path);
  } finally {
    rmSync(temp, { force: true });
  }
}
