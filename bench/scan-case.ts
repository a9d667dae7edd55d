import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { scan } from '../src/api/scan.js';
import { startMock } from './start-mock.js';

/** One scan to measure. */
export type ScanCase = {
  /** Attempts (goals × trials; one technique, one empty converter chain). */
  readonly attempts: number;
  /** Attempts in flight at once. */
  readonly concurrency: number;
  /** Mock latency per request, ms. */
  readonly latencyMs: number;
  /** Mock latency jitter (±), ms. */
  readonly jitterMs: number;
  /** Database file; several cases may share one (e.g. for `compare`). */
  readonly database: string;
};

/** What one scan measured. */
export type ScanMeasurement = ScanCase & {
  /** Run id, for the report and compare timings. */
  readonly runId: string;
  /** Wall-clock seconds for the whole scan (plan, send, score, store, summarize). */
  readonly seconds: number;
  /** Attempts recorded per second. */
  readonly attemptsPerSecond: number;
  /** C/L, the most any tool could reach against this target; null when L = 0. */
  readonly limitPerSecond: number | null;
  /** Achieved ÷ limit; null when L = 0. */
  readonly efficiency: number | null;
  /** User + system CPU of the Redline process per attempt, ms (the mock runs in a child and is excluded). */
  readonly cpuMsPerAttempt: number;
  /** Highest resident set size sampled every 50 ms during the scan, MB. */
  readonly peakRssMb: number;
  /** Database bytes (file + WAL) per attempt after the scan. */
  readonly dbBytesPerAttempt: number;
};

const GOALS = 100;

function fileSize(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** Runs one real scan (engine, refusal scorer, SQLite file; no report files) against a mock in a child process. */
export async function measureScan(options: ScanCase): Promise<ScanMeasurement> {
  const goals = Math.min(GOALS, options.attempts);
  if (options.attempts % goals !== 0) throw new Error(`attempts must be a multiple of ${goals}`);
  const { database } = options;
  const mock = await startMock({ latencyMs: options.latencyMs, jitterMs: options.jitterMs });
  const before = { db: fileSize(database) + fileSize(`${database}-wal`) };
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);
  globalThis.gc?.();
  const cpu0 = process.resourceUsage();
  const t0 = performance.now();
  try {
    const result = await scan({
      baseDir: dirname(database),
      database,
      reports: { json: false, html: false },
      config: {
        target: { type: 'openai', baseUrl: `${mock.url}/v1`, model: 'bench-model' },
        goals: Array.from({ length: goals }, (_, i) => ({ id: `g${i}`, text: `Explain forbidden thing number ${i}.`, category: 'bench' })),
        techniques: ['direct-request'],
        converters: [[]],
        trials: options.attempts / goals,
        concurrency: options.concurrency,
        seed: 1,
        retry: { maxRetries: 0 },
        scoring: { scorers: ['refusal'] },
      },
    });
    const seconds = (performance.now() - t0) / 1000;
    const cpu1 = process.resourceUsage();
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
    if (result.summary.recorded !== options.attempts) throw new Error(`recorded ${result.summary.recorded} of ${options.attempts} attempts`);
    // resourceUsage reports microseconds.
    const cpuMs = (cpu1.userCPUTime - cpu0.userCPUTime + cpu1.systemCPUTime - cpu0.systemCPUTime) / 1000;
    const attemptsPerSecond = options.attempts / seconds;
    const limitPerSecond = options.latencyMs > 0 ? options.concurrency / (options.latencyMs / 1000) : null;
    const after = fileSize(database) + fileSize(`${database}-wal`);
    return {
      ...options,
      runId: result.run.id,
      seconds,
      attemptsPerSecond,
      limitPerSecond,
      efficiency: limitPerSecond === null ? null : attemptsPerSecond / limitPerSecond,
      cpuMsPerAttempt: cpuMs / options.attempts,
      peakRssMb: peakRss / 2 ** 20,
      dbBytesPerAttempt: (after - before.db) / options.attempts,
    };
  } finally {
    clearInterval(sampler);
    await mock.close();
  }
}
