import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMock } from './start-mock.js';

// The built CLI, as `bin` runs it, and the preload that reports the process's own CPU and peak memory at exit.
const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const USAGE = fileURLToPath(new URL('./cli-usage.js', import.meta.url));
const GOALS = 100;

/** One fresh `redline scan` process to measure. */
export type CliScanCase = {
  /** Attempts (100 goals × trials; one technique, one empty converter chain). */
  readonly attempts: number;
  /** Attempts in flight at once. */
  readonly concurrency: number;
  /** Mock latency per request, ms. */
  readonly latencyMs: number;
  /** ± uniform jitter on each reply, ms (0: every reply takes exactly latencyMs). */
  readonly jitterMs: number;
};

/** What one fresh `redline scan` process measured, start-up included. */
export type CliScanMeasurement = CliScanCase & {
  /** Wall-clock seconds from spawning the process to its exit. */
  readonly seconds: number;
  /** Attempts ÷ seconds. */
  readonly attemptsPerSecond: number;
  /** C/L, the most any tool could reach against this target. */
  readonly limitPerSecond: number;
  /** Achieved ÷ limit. */
  readonly efficiency: number;
  /** User + system CPU of the whole CLI process (start-up, probe, scan, summary) ÷ attempts, ms. */
  readonly cpuMsPerAttempt: number;
  /** The part of it on the main thread (Linux; NaN elsewhere): the rest is V8's compiler and GC threads. */
  readonly mainThreadCpuMsPerAttempt: number;
  /** The CLI process's peak resident set size (getrusage maxRSS), MB. */
  readonly peakRssMb: number;
  /** Ms from spawning the process to the mock receiving its first request (the pre-flight probe). */
  readonly firstRequestMs: number;
};

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Runs `node dist/cli/main.js scan` as a fresh process against the mock in its own child process: an OpenAI target,
 * `direct-request`, no converter, the refusal scorer, a SQLite file, no report files, no progress line, retries off.
 * The pre-flight probe stays on (users run with it), so the mock serves attempts + 1 requests.
 */
export async function measureCliScan(options: CliScanCase): Promise<CliScanMeasurement> {
  if (options.attempts % GOALS !== 0) throw new Error(`attempts must be a multiple of ${GOALS}`);
  const work = mkdtempSync(join(tmpdir(), 'redline-cli-bench-'));
  const mock = await startMock({ latencyMs: options.latencyMs, jitterMs: options.jitterMs });
  try {
    const config = join(work, 'redline.yaml');
    // JSON is YAML: no serializer needed.
    writeFileSync(config, JSON.stringify({
      target: { type: 'openai', baseUrl: `${mock.url}/v1`, model: 'bench-model' },
      goals: Array.from({ length: GOALS }, (_, i) => ({ id: `g${i}`, text: `Explain forbidden thing number ${i}.`, category: 'bench' })),
      techniques: ['direct-request'],
      converters: [[]],
      trials: options.attempts / GOALS,
      concurrency: options.concurrency,
      seed: 1,
      retry: { maxRetries: 0 },
      scoring: { scorers: ['refusal'] },
    }, null, 2));
    const usageFile = join(work, 'usage.json');
    const args = ['--import', USAGE, CLI, 'scan', '-c', config, '--db', join(work, 'redline.db'), '--no-reports', '--no-progress'];
    const spawnedAt = performance.timeOrigin + performance.now();
    const child = spawn(process.execPath, args, { cwd: work, env: { ...process.env, REDLINE_BENCH_USAGE_FILE: usageFile }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
    const [code] = (await once(child, 'close')) as [number | null];
    const seconds = (performance.timeOrigin + performance.now() - spawnedAt) / 1000;
    if (code !== 0) throw new Error(`redline scan exited with ${code}: ${stderr.slice(0, 1000)}`);
    const { served, firstRequestAt } = await mock.served();
    if (served !== options.attempts + 1) throw new Error(`the mock served ${served} requests, expected ${options.attempts} attempts + 1 probe`);
    const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { userCPUTime: number; systemCPUTime: number; maxRSS: number; mainThreadCPUTime?: number };
    const attemptsPerSecond = options.attempts / seconds;
    const limitPerSecond = options.concurrency / (options.latencyMs / 1000);
    return {
      ...options,
      seconds,
      attemptsPerSecond,
      limitPerSecond,
      efficiency: attemptsPerSecond / limitPerSecond,
      // resourceUsage: CPU in microseconds, maxRSS in kilobytes.
      cpuMsPerAttempt: (usage.userCPUTime + usage.systemCPUTime) / 1000 / options.attempts,
      mainThreadCpuMsPerAttempt: (usage.mainThreadCPUTime ?? Number.NaN) / 1000 / options.attempts,
      peakRssMb: usage.maxRSS / 1024,
      firstRequestMs: (firstRequestAt ?? Number.NaN) - spawnedAt,
    };
  } finally {
    await mock.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** The medians of several runs of one case, figure by figure. */
export function medianOf(runs: readonly CliScanMeasurement[]): CliScanMeasurement {
  const pick = (key: 'seconds' | 'attemptsPerSecond' | 'efficiency' | 'cpuMsPerAttempt' | 'mainThreadCpuMsPerAttempt' | 'peakRssMb' | 'firstRequestMs'): number => median(runs.map((r) => r[key]));
  return {
    ...runs[0]!, seconds: pick('seconds'), attemptsPerSecond: pick('attemptsPerSecond'), efficiency: pick('efficiency'), cpuMsPerAttempt: pick('cpuMsPerAttempt'),
    mainThreadCpuMsPerAttempt: pick('mainThreadCpuMsPerAttempt'), peakRssMb: pick('peakRssMb'), firstRequestMs: pick('firstRequestMs'),
  };
}

/**
 * The floor under `firstRequestMs`: a fresh Node process (same preload, same environment) whose only line sends one
 * request with node:http, timed the same way, from spawning to the mock receiving it. What is left above it is
 * Redline's own start-up. Median of `runs`.
 */
export async function nodeFirstRequestFloorMs(runs = 5): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const mock = await startMock({ latencyMs: 0, jitterMs: 0 });
    try {
      const send = `require('node:http').request(${JSON.stringify(`${mock.url}/v1/chat/completions`)}, { method: 'POST', headers: { 'content-type': 'application/json' } }, (r) => r.resume()).end('{}')`;
      const spawnedAt = performance.timeOrigin + performance.now();
      const child = spawn(process.execPath, ['--import', USAGE, '-e', send], { stdio: 'ignore' });
      const [code] = (await once(child, 'close')) as [number | null];
      if (code !== 0) throw new Error(`the one-request Node script exited with ${code}`);
      const { firstRequestAt } = await mock.served();
      times.push((firstRequestAt ?? Number.NaN) - spawnedAt);
    } finally {
      await mock.close();
    }
  }
  return median(times);
}
