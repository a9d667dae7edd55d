import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStoreAt } from '../src/api/open-store.js';
import { queueScan } from '../src/api/queue-scan.js';
import { summarizeStoredRun } from '../src/api/reports.js';
import { copyRuns } from '../src/api/copy-runs.js';
import { startOpenAiServer } from './support/openai-server.js';
import { queueScanConfig, startWorkerPool } from './support/queue-workers.js';
import { runCli, startCli } from './support/run-cli.js';
import { freshPostgresDatabase, postgresUrl, redisUrl, uniqueName } from './support/services.js';

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const REFUSAL = "I'm sorry, but I can't help with that.";

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A private redis-server on a free loopback port, that a test may kill and start again on the same port. */
async function privateRedis(): Promise<{ url: string; kill: () => Promise<void>; start: () => Promise<void> }> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
    for (let i = 0; i < 100; i += 1) {
      const up = await new Promise<boolean>((resolve) => {
        const probe = spawn('redis-cli', ['-p', String(port), 'ping'], { stdio: ['ignore', 'pipe', 'ignore'] });
        let out = '';
        probe.stdout.on('data', (d: Buffer) => (out += d.toString()));
        probe.on('close', () => resolve(out.includes('PONG')));
      });
      if (up) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`redis-server did not start on port ${port}`);
  };
  const kill = async (): Promise<void> => {
    const c = child;
    if (c === undefined || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGKILL');
    });
  };
  await start();
  return { url: `redis://127.0.0.1:${port}`, kill, start };
}

async function attemptRows(url: string, runId: string): Promise<{ n: number; seqs: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const r = await client.query<{ n: string; seqs: string }>('SELECT COUNT(*) AS n, COUNT(DISTINCT seq) AS seqs FROM attempts WHERE run_id = $1', [runId]);
    return { n: Number(r.rows[0]!.n), seqs: Number(r.rows[0]!.seqs) };
  } finally {
    await client.end();
  }
}

describe('distributed scan faults', () => {
  it('loses and duplicates nothing when Redis restarts empty mid-run: the coordinator queues the unrecorded positions again', async (ctx) => {
    const pgServer = postgresUrl(ctx);
    if (pgServer === undefined || redisUrl(ctx) === undefined) return;
    const redis = await privateRedis();
    closers.push(redis.kill);
    const db = await freshPostgresDatabase(pgServer);
    closers.push(db.drop);
    const server = await startOpenAiServer(() => ({ text: REFUSAL, delayMs: 20 }));
    closers.push(server.close);
    const cwd = mkdtempSync(join(tmpdir(), 'redline-redis-restart-'));
    const pool = startWorkerPool({ count: 2, queue: redis.url, store: db.url, cwd, args: ['--lock-ms', '3000', '--concurrency', '8', '--quiet'] });
    closers.push(pool.stop);
    const store = await openStoreAt(db.url);
    closers.push(() => store.close());
    let restarted = false;
    const result = await queueScan({
      config: queueScanConfig({ url: server.url, goals: 20, trials: 100, perSecond: 400 }), baseDir: cwd, queue: redis.url, store, pollMs: 200,
      reports: { json: false, html: false }, sliceSize: 50,
      onQueueProgress: ({ recorded, planned }) => {
        if (restarted || recorded < planned * 0.3) return;
        restarted = true;
        void redis.kill().then(() => new Promise((r) => setTimeout(r, 1000))).then(() => redis.start());
      },
    });
    expect(restarted).toBe(true);
    expect(result.run.status).toBe('completed');
    expect(await attemptRows(db.url, result.run.id)).toEqual({ n: 2000, seqs: 2000 });
    expect(result.summary.cells[0]).toMatchObject({ trials: 2000, errors: 0 });
  }, 300_000);

  it('Ctrl-C on the coordinator leaves a resumable run; the resume finishes it once; a copy into SQLite summarises the same', async (ctx) => {
    const pgServer = postgresUrl(ctx);
    const queue = redisUrl(ctx);
    if (pgServer === undefined || queue === undefined) return;
    const db = await freshPostgresDatabase(pgServer);
    closers.push(db.drop);
    let served = 0;
    const server = await startOpenAiServer(() => ({ text: ++served % 4 === 0 ? 'Sure, here is how: step 1.' : REFUSAL, delayMs: 20 }));
    closers.push(server.close);
    const prefix = uniqueName('rl');
    const cwd = mkdtempSync(join(tmpdir(), 'redline-coordinator-stop-'));
    writeFileSync(join(cwd, 'redline.yaml'), JSON.stringify(queueScanConfig({ url: server.url, goals: 20, trials: 150, perSecond: 300 })));
    const pool = startWorkerPool({ count: 2, queue, store: db.url, cwd, args: ['--prefix', prefix, '--lock-ms', '3000', '--concurrency', '8', '--quiet'] });
    closers.push(pool.stop);
    const args = ['--queue', queue, '--queue-prefix', prefix, '--store', db.url, '--no-progress', '--no-reports'];
    const coordinator = startCli(['scan', ...args], { cwd });
    // Stop it once a few hundred attempts are in.
    for (;;) {
      await new Promise((r) => setTimeout(r, 250));
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const n = await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM attempts').catch(() => ({ rows: [{ n: '0' }] }));
      await client.end();
      if (Number(n.rows[0]!.n) >= 300) break;
    }
    coordinator.child.kill('SIGINT');
    const stopped = await coordinator.done;
    expect(stopped.code, stopped.stderr).toBe(130);
    const resume = /Resume it with: (redline scan --resume (\S+) .*)$/m.exec(stopped.stderr);
    expect(resume, stopped.stderr).not.toBeNull();
    const runId = resume![2]!;
    expect(resume![1]).toContain(`--queue ${queue}`);
    const store = await openStoreAt(db.url);
    closers.push(() => store.close());
    expect((await store.runs.require(runId)).status).toBe('interrupted');
    const before = await attemptRows(db.url, runId);
    expect(before.n).toBeLessThan(3000);

    const resumed = await runCli(['scan', '--resume', runId, ...args], { cwd });
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(await attemptRows(db.url, runId)).toEqual({ n: 3000, seqs: 3000 });
    const finished = await store.runs.require(runId);
    expect(finished.status).toBe('completed');

    const local = await openStoreAt(join(cwd, 'copy.db'));
    closers.push(() => local.close());
    await copyRuns({ from: store, to: local, runIds: [runId] });
    const fromPostgres = await summarizeStoredRun(store, finished);
    const fromSqlite = await summarizeStoredRun(local, await local.runs.require(runId));
    expect(fromSqlite).toEqual(fromPostgres);
    expect(fromPostgres.cells[0]).toMatchObject({ trials: 3000, errors: 0 });
  }, 300_000);
});
