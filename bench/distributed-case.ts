import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStoreAt } from '../src/api/open-store.js';
import { queueScan } from '../src/api/queue-scan.js';
import { startMock } from './start-mock.js';

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** One distributed scan to measure: `workers` worker processes at a fixed concurrency each. */
export type DistributedCase = {
  readonly workers: number;
  readonly attempts: number;
  /** Attempts in flight per worker. */
  readonly perWorkerConcurrency: number;
  /** Mock latency per request, ms. */
  readonly latencyMs: number;
};

/** What one distributed scan measured. */
export type DistributedMeasurement = DistributedCase & {
  /** Attempts recorded per second, first attempt started to last finished (the workers' throughput). */
  readonly attemptsPerSecond: number;
  /** workers × c / L: what the workers could reach at most against this target. */
  readonly limitPerSecond: number;
  /** Achieved ÷ limit. */
  readonly efficiency: number;
  /** Wall-clock seconds of the coordinator (register, queue, follow, summarize). */
  readonly coordinatorSeconds: number;
};

/** Starts worker processes and waits until each says it is waiting for slices. */
async function startWorkers(input: { count: number; queue: string; store: string; prefix: string; concurrency: number; env: NodeJS.ProcessEnv }): Promise<ChildProcess[]> {
  return Promise.all(Array.from({ length: input.count }, () => new Promise<ChildProcess>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'worker', '--queue', input.queue, '--store', input.store, '--prefix', input.prefix,
      '--concurrency', String(input.concurrency), '--quiet'], { stdio: ['ignore', 'ignore', 'pipe'], env: input.env });
    let err = '';
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      if (err.includes('waiting for slices')) resolve(child);
    });
    child.once('exit', (code) => reject(new Error(`worker exited with ${code}: ${err}`)));
  })));
}

/** Runs one distributed scan against a mock target in a child process, on a fresh PostgreSQL database. */
export async function measureDistributed(options: DistributedCase & { postgresUrl: string; redisUrl: string }): Promise<DistributedMeasurement> {
  const name = `redline_bench_${Date.now().toString(36)}_${options.workers}`;
  const admin = new pg.Client({ connectionString: options.postgresUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(options.postgresUrl);
  url.pathname = `/${name}`;
  const mock = await startMock({ latencyMs: options.latencyMs, jitterMs: 0 });
  const work = mkdtempSync(join(tmpdir(), 'redline-bench-distributed-'));
  const prefix = name;
  const store = await openStoreAt(url.toString());
  let workers: ChildProcess[] = [];
  try {
    workers = await startWorkers({ count: options.workers, queue: options.redisUrl, store: url.toString(), prefix, concurrency: options.perWorkerConcurrency, env: process.env });
    const goals = 50;
    const t0 = performance.now();
    const result = await queueScan({
      baseDir: work, store, queue: options.redisUrl, prefix, pollMs: 200, reports: { json: false, html: false },
      config: {
        target: { type: 'openai', baseUrl: `${mock.url}/v1`, model: 'bench-model' },
        goals: Array.from({ length: goals }, (_, i) => ({ id: `g${i}`, text: `Explain forbidden thing number ${i}.`, category: 'bench' })),
        techniques: ['direct-request'], converters: [[]], trials: Math.ceil(options.attempts / goals), seed: 1,
        retry: { maxRetries: 0 }, scoring: { scorers: ['refusal'] }, preflight: { probe: false },
      },
    });
    const coordinatorSeconds = (performance.now() - t0) / 1000;
    if (result.summary.recorded !== result.run.planned) throw new Error(`recorded ${result.summary.recorded} of ${result.run.planned}`);
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const span = await client.query<{ first: string; last: string }>('SELECT MIN(started_at) AS first, MAX(finished_at) AS last FROM attempts WHERE run_id = $1', [result.run.id]);
    await client.end();
    const seconds = (Number(span.rows[0]!.last) - Number(span.rows[0]!.first)) / 1000;
    const attemptsPerSecond = result.run.planned / seconds;
    const limitPerSecond = options.workers * options.perWorkerConcurrency / (options.latencyMs / 1000);
    const { workers: count, perWorkerConcurrency, latencyMs } = options;
    return { workers: count, perWorkerConcurrency, latencyMs, attempts: result.run.planned, attemptsPerSecond, limitPerSecond, efficiency: attemptsPerSecond / limitPerSecond, coordinatorSeconds };
  } finally {
    for (const w of workers) w.kill('SIGTERM');
    await Promise.all(workers.map((w) => new Promise((r) => (w.exitCode !== null ? r(undefined) : w.once('exit', r)))));
    await store.close();
    await mock.close();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
    rmSync(work, { recursive: true, force: true });
  }
}
