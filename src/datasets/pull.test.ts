import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from '../../test/support/local-server.js';
import { DatasetError } from '../core/errors.js';
import { datasetRegistry } from './dataset-registry.js';
import { loadDataset } from './load-dataset.js';
import { pullDataset } from './pull.js';

const SHARED = fileURLToPath(new URL('../../../shared/datasets/', import.meta.url));
const tmp = (): string => mkdtempSync(join(tmpdir(), 'redline-pull-'));
const failure = async (promise: Promise<unknown>): Promise<DatasetError> => {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  if (error instanceof DatasetError) return error;
  throw new Error(`expected a DatasetError, got ${String(error)}`);
};

let server: LocalServer;
beforeAll(async () => {
  // /mirror/<path> serves the shared copy byte for byte; /tampered/<path> serves it with one byte more.
  server = await startLocalServer((reply, request) => {
    const [, kind = '', ...rest] = request.path.split('/');
    const file = join(SHARED, ...rest.map(decodeURIComponent));
    if (!['mirror', 'tampered'].includes(kind) || !existsSync(file)) return void reply.writeHead(404).end('not found');
    const bytes = readFileSync(file);
    reply.writeHead(200).end(kind === 'mirror' ? bytes : Buffer.concat([bytes, Buffer.from('x')]));
  });
});
afterAll(() => server.close());

describe.skipIf(!existsSync(SHARED))('pullDataset from a real local HTTP mirror (skipped: /work/shared/datasets is absent)', () => {
  it('downloads every registered file, matching the registry’s SHA-256, and keeps verified files on a second pull', async () => {
    const dir = tmp();
    for (const dataset of datasetRegistry.filter((d) => d.files.length > 0)) {
      const paths = await pullDataset({ id: dataset.id, dir, fetch, baseUrl: `${server.url}/mirror/${dataset.id}` });
      expect(paths).toEqual(dataset.files.map((f) => join(dir, dataset.id, f.name)));
      for (const [at, path] of paths.entries()) expect(createHash('sha256').update(readFileSync(path)).digest('hex')).toBe(dataset.files[at]?.sha256);
    }
    expect(readdirSync(join(dir, 'harmbench')).some((name) => name.endsWith('.part'))).toBe(false);
    expect(loadDataset({ dataset: 'harmbench', dir })).toHaveLength(400);
    const before = server.received.length;
    await pullDataset({ id: 'advbench', dir, fetch, baseUrl: `${server.url}/mirror/advbench/` });
    expect(server.received.length).toBe(before);
  });

  it('refuses a file whose hash differs, naming both hashes, and writes nothing', async () => {
    const dir = tmp();
    const error = await failure(pullDataset({ id: 'advbench', dir, fetch, baseUrl: `${server.url}/tampered/advbench` }));
    expect(error.message).toContain('expected 6cd1a5c63c07610d7eb67307772ee5606017ee950b5770ab288a2c487489d3e1, got ');
    expect(error.message).toMatch(/got [0-9a-f]{64}$/);
    expect(existsSync(join(dir, 'advbench'))).toBe(false);
  });

  it('reports an HTTP error status with the URL', async () => {
    const error = await failure(pullDataset({ id: 'xstest', dir: tmp(), fetch, baseUrl: `${server.url}/elsewhere/` }));
    expect(error.message).toBe(`HTTP 404 downloading ${server.url}/elsewhere/xstest_prompts.csv`);
  });
});

describe('pullDataset offline', () => {
  it('says it is offline and where to put the files by hand when the connection is refused', async () => {
    const closed = await startLocalServer((reply) => reply.end());
    await closed.close();
    const dir = tmp();
    const error = await failure(pullDataset({ id: 'xstest', dir, fetch, baseUrl: closed.url }));
    expect(error.message).toMatch(/^offline: cannot reach 127\.0\.0\.1:\d+ to download 'xstest' \(ECONNREFUSED\)$/);
    expect(error.hint).toContain(`→ ${join(dir, 'xstest', 'xstest_prompts.csv')}`);
    expect(existsSync(join(dir, 'xstest'))).toBe(false);
  });
});
