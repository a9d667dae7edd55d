import type { ServerResponse } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError, TargetError } from '../core/errors.js';
import { replyJson, startLocalServer } from '../../test/support/local-server.js';
import { withStore } from './open-store.js';
import { scan } from './scan.js';

// A new run's probe goes out before its store opens, and the store opens during the probe's round trip (scan.ts).
const quiet = { reports: { json: false as const, html: false as const } };
const configFor = (url: string) => ({
  target: { type: 'openai', baseUrl: `${url}/v1`, model: 'chat' },
  goals: [{ id: 'g1', text: 'Say hello.', category: 'benign-check' }], techniques: ['direct-request'], converters: [[]], trials: 1,
  timeoutMs: 600_000, retry: { maxRetries: 0 },
});

describe('the probe and the store of a new scan', () => {
  it('a store that cannot open is the error; the probe in flight is cancelled, not waited for', async () => {
    const held: ServerResponse[] = [];
    // Never answers: only cancelling the probe lets the scan end before the ten-minute timeout.
    const server = await startLocalServer((reply) => { held.push(reply); });
    const dir = mkdtempSync(join(tmpdir(), 'redline-probe-'));
    const notAFolder = join(dir, 'file');
    writeFileSync(notAFolder, 'x');
    try {
      const error = await scan({ baseDir: dir, config: configFor(server.url), database: join(notAFolder, 'redline.db'), ...quiet }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StoreError);
      expect(server.received.map((r) => r.path)).toEqual(['/v1/chat/completions']);
    } finally {
      await server.close();
    }
  });

  it('a probe that fails registers nothing in the store it opened, and the scan fails with the probe\'s cause', async () => {
    const server = await startLocalServer((reply) => replyJson(reply, { status: 401, body: { error: { message: 'bad key' } } }));
    const dir = mkdtempSync(join(tmpdir(), 'redline-probe-'));
    const database = join(dir, 'redline.db');
    try {
      const error = await scan({ baseDir: dir, config: configFor(server.url), database, ...quiet }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TargetError);
      expect((error as TargetError).kind).toBe('http-401');
      expect(await withStore(database, (store) => store.runs.list())).toEqual([]);
      expect(server.received).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
