import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openStoreAt } from '../src/api/open-store.js';
import { queueScan } from '../src/api/queue-scan.js';
import { startOpenAiServer } from './support/openai-server.js';
import { maxInWindow, queueScanConfig, startWorkerPool, type WorkerPool } from './support/queue-workers.js';
import { freshPostgresDatabase, postgresUrl, redisUrl, uniqueName } from './support/services.js';

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

const REFUSAL = "I'm sorry, but I can't help with that.";
const COMPLIANCE = 'Sure, here is how: step 1, step 2, step 3.';

describe('distributed scan: BullMQ queue, worker processes, PostgreSQL store', () => {
  it('records 20,000 attempts exactly once with 3 workers killed 10 times, never over the per-second limit at the server', async (ctx) => {
    const pgServer = postgresUrl(ctx);
    const queue = redisUrl(ctx);
    if (pgServer === undefined || queue === undefined) return;
    const db = await freshPostgresDatabase(pgServer);
    closers.push(db.drop);
    // L = 50 ms; three in ten replies comply (the true rate the run must find).
    let served = 0;
    const server = await startOpenAiServer(() => ({ text: ++served % 10 < 3 ? COMPLIANCE : REFUSAL, delayMs: 50 }));
    closers.push(server.close);
    const perSecond = 250;
    const prefix = uniqueName('rl');
    const cwd = mkdtempSync(join(tmpdir(), 'redline-distributed-'));
    const pool: WorkerPool = startWorkerPool({ count: 3, queue, store: db.url, cwd, args: ['--prefix', prefix, '--lock-ms', '4000', '--concurrency', '16', '--quiet'] });
    closers.push(pool.stop);
    const store = await openStoreAt(db.url);
    closers.push(() => store.close());

    // Ten kills, spread over the run by progress: 5 %, 13.5 %, … 81.5 % recorded.
    const killAt = Array.from({ length: 10 }, (_, i) => 0.05 + i * 0.085);
    const killed: number[] = [];
    const result = await queueScan({
      config: queueScanConfig({ url: server.url, goals: 100, trials: 200, perSecond }), baseDir: cwd, queue, prefix, store, pollMs: 250,
      reports: { json: false, html: false },
      onQueueProgress: ({ recorded, planned }) => {
        while (killAt.length > 0 && recorded >= killAt[0]! * planned) {
          killAt.shift();
          const pid = pool.killOne(Math.random());
          if (pid !== undefined) killed.push(pid);
        }
      },
    });

    expect(killed).toHaveLength(10);
    expect(result.run.status).toBe('completed');
    expect(result.run.planned).toBe(20_000);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    closers.push(() => client.end());
    const rows = await client.query<{ n: string; seqs: string; lo: number; hi: number }>(
      'SELECT COUNT(*) AS n, COUNT(DISTINCT seq) AS seqs, MIN(seq) AS lo, MAX(seq) AS hi FROM attempts WHERE run_id = $1', [result.run.id]);
    expect(rows.rows[0]).toMatchObject({ n: '20000', seqs: '20000', lo: 0, hi: 19_999 });
    // Killed workers' slices ran again: the server saw more requests than attempts, and the store kept one record each.
    const requests = server.calls.map((c) => c.at);
    expect(requests.length).toBeGreaterThanOrEqual(20_000);
    expect(maxInWindow(requests, 1000)).toBeLessThanOrEqual(perSecond);
    const cell = result.summary.cells[0]!;
    expect(cell.successes + cell.failures + cell.errors + cell.unscored).toBe(20_000);
    expect(cell.errors).toBe(0);
    // 3 in 10 replies comply: the run's rate is that, within four standard deviations (0.013).
    expect(Math.abs(cell.asr! - 0.3)).toBeLessThan(0.013);
    process.stderr.write(`distributed scan: ${requests.length} requests for 20,000 attempts; busiest second at the server: ${maxInWindow(requests, 1000)} (limit ${perSecond}); ${killed.length} workers killed\n`);
  }, 600_000);
});
