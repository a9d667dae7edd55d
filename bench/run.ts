// `npm run bench [-- --quick | --cli-only]`: first the headline, fresh `redline scan` processes end to end (--cli-only
// runs just those and `redline --help`); then scans a mock target through the real engine and prints throughput, CPU, memory and CLI timings,
// then the dashboard's run page data over a large stored run (REDLINE_BENCH_BIG attempts: default 1,000,000, 100,000
// with --quick, 0 to skip; the run is written once and cached under bench/.cache/, about 3.4 GB at 1M).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareMs, helpStartupMs, reportMs } from './cli-timings.js';
import { evaluateGoals, type BenchResults, type CliScanResults, type LargeRunTiming } from './goals.js';
import { measureCliScan, medianOf, nodeFirstRequestFloorMs, type CliScanMeasurement } from './cli-scan-case.js';
import { measureScan, type ScanMeasurement } from './scan-case.js';
import { cliLines, printResults } from './print-results.js';
import { bigRun } from './big-run.js';
import { measureDashboardData, type DashboardMeasurement } from './dashboard-case.js';
import { measureDashboardPages, type DashboardPages } from './dashboard-pages.js';
import { measureInjectionLatency } from './injection-latency.js';
import { measureScoring } from './scoring-case.js';
import { measureDistributed, type DistributedMeasurement } from './distributed-case.js';

const quick = process.argv.includes('--quick');
const cliOnly = process.argv.includes('--cli-only');
// The path users run (issue 21): a fresh CLI process per scan, C = 64 against a 50 ± 10 ms target (the warm limit
// case's mock), short and long; then the long one against a target that always takes exactly 50 ms, reported beside
// it: replies in lock-step queue behind each other's processing (docs/performance.md).
const cliCasesToRun = [
  { attempts: 2_000, jitterMs: 10 },
  { attempts: 20_000, jitterMs: 10 },
  { attempts: 20_000, jitterMs: 0 },
];
const cliRepeats = quick ? 1 : 3;
// The limit case from the issue: C = 64 against a 50 ms target (±10 ms jitter).
const limitCase = { attempts: 10_000, concurrency: 64, latencyMs: 50, jitterMs: 10 };
const limitRepeats = quick ? 1 : 3;
// Scaling cases at L = 0: the tool is the only bottleneck. Each size is scanned twice so `compare` has two runs.
// C = 64 as in the limit case: at L = 0 a larger C only queues replies inside Redline (docs/performance.md).
const scalingSizes = quick ? [10_000] : [10_000, 100_000, 1_000_000];
const scalingConcurrency = 64;
const bigAttempts = Number(process.env['REDLINE_BENCH_BIG'] ?? (quick ? 100_000 : 1_000_000));

/** The run page's data over the cached large run, in this (warm) process. */
async function dashboardCase(log: (line: string) => void): Promise<{ data: DashboardMeasurement; pages: DashboardPages } | undefined> {
  if (!Number.isInteger(bigAttempts) || bigAttempts < 0) throw new Error(`REDLINE_BENCH_BIG must be a number of attempts, got ${process.env['REDLINE_BENCH_BIG']}`);
  if (bigAttempts === 0) return undefined;
  const fixture = await bigRun({ attempts: bigAttempts, cacheDir: fileURLToPath(new URL('../../bench/.cache/', import.meta.url)), log });
  log(`dashboard data over ${bigAttempts} stored attempts…`);
  globalThis.gc?.();
  const data = await measureDashboardData({ file: fixture.file, runId: fixture.runId, attempts: bigAttempts, dbBytes: fixture.bytes, ...(fixture.generatedMs === undefined ? {} : { generatedMs: fixture.generatedMs }) });
  log('redline serve over the same run, pages over HTTP…');
  return { data, pages: await measureDashboardPages({ file: fixture.file, runId: fixture.runId, attempts: bigAttempts, log }) };
}

/** Distributed scans with 1, 2 and 4 worker processes (fixed concurrency each) against a latency-bound mock target. */
async function distributedCases(log: (line: string) => void): Promise<DistributedMeasurement[] | undefined> {
  const postgresUrl = process.env['REDLINE_TEST_POSTGRES_URL'];
  const redisUrl = process.env['REDLINE_TEST_REDIS_URL'];
  if (!postgresUrl || !redisUrl) {
    log('distributed scans skipped: start Redis and PostgreSQL with eval "$(scripts/local-services.sh)"');
    return undefined;
  }
  const measured: DistributedMeasurement[] = [];
  for (const workers of [1, 2, 4]) {
    log(`distributed scan: ${workers} worker(s), c = 16 each, L = 50 ms…`);
    measured.push(await measureDistributed({ workers, attempts: quick ? 3_000 : 8_000, perWorkerConcurrency: 16, latencyMs: 50, postgresUrl, redisUrl }));
  }
  return measured;
}

/** Fresh `redline scan` processes, each size `cliRepeats` times, with their medians. */
async function cliCases(log: (line: string) => void): Promise<CliScanResults> {
  const runs: CliScanMeasurement[] = [];
  const medians: CliScanMeasurement[] = [];
  for (const { attempts, jitterMs } of cliCasesToRun) {
    const ofSize: CliScanMeasurement[] = [];
    for (let i = 0; i < cliRepeats; i++) {
      log(`redline scan (fresh process) N=${attempts} C=64 L=50±${jitterMs} ms (${i + 1} of ${cliRepeats})…`);
      ofSize.push(await measureCliScan({ attempts, concurrency: 64, latencyMs: 50, jitterMs }));
    }
    runs.push(...ofSize);
    medians.push(medianOf(ofSize));
  }
  log('timing a bare Node process sending one request (the floor under "first request", median of 5)…');
  return { repeats: cliRepeats, runs, medians, nodeFirstRequestMs: await nodeFirstRequestFloorMs(5) };
}

/** Writes results as JSON under bench/results/ and says where. */
function writeResults(results: { date: string }, log: (line: string) => void): void {
  const dir = fileURLToPath(new URL('../../bench/results/', import.meta.url));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${results.date.replace(/[:.]/g, '-')}.json`);
  writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);
  log(`results written to ${file}`);
}

function machine(): BenchResults['machine'] {
  return { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, platform: `${process.platform}-${process.arch}` };
}

/** `--cli-only`: `redline --help` and the fresh-process scans, nothing else (about two minutes). */
async function cliOnlyMain(log: (line: string) => void): Promise<void> {
  log('timing `redline --help` (median of 5)…');
  const helpMs = helpStartupMs(5);
  const cli = await cliCases(log);
  const results = { date: new Date().toISOString(), mode: 'cli-only', machine: machine(), cli, helpMs };
  process.stdout.write(`${cliLines(cli)}\n\nredline --help: ${helpMs.toFixed(0)} ms (median of 5)\n`);
  writeResults(results, log);
}

async function main(): Promise<void> {
  if (cliOnly) return cliOnlyMain((line) => { process.stderr.write(`${line}\n`); });
  const work = mkdtempSync(join(tmpdir(), 'redline-bench-'));
  const scans: ScanMeasurement[] = [];
  const largeRuns: LargeRunTiming[] = [];
  const log = (line: string): void => { process.stderr.write(`${line}\n`); };
  try {
    log('timing `redline --help` (median of 5)…');
    const helpMs = helpStartupMs(5);
    const cli = await cliCases(log);
    log('timing the injection detector per input…');
    const injectionDetector = measureInjectionLatency();
    log('timing the refusal and objective scorers over real replies…');
    const scoring = measureScoring();
    if (scoring === undefined) log('scoring case skipped: the public reply sets (../shared/datasets/jailjudge-mini, gptfuzz-labeled) are absent');
    // Unmeasured warm-up: the first scan in a process loads modules lazily and runs cold code, as a long CLI run does once.
    log('warm-up scan (not measured)…');
    await measureScan({ attempts: 1_000, concurrency: 64, latencyMs: 0, jitterMs: 0, database: join(work, 'warm-up.db') });
    for (let i = 0; i < limitRepeats; i++) {
      log(`scan N=${limitCase.attempts} C=${limitCase.concurrency} L=${limitCase.latencyMs} ms (${i + 1} of ${limitRepeats})…`);
      scans.push(await measureScan({ ...limitCase, database: join(work, `limit-${i}.db`) }));
    }
    for (const attempts of scalingSizes) {
      const database = join(work, `scale-${attempts}.db`);
      const pair: ScanMeasurement[] = [];
      for (let i = 0; i < 2; i++) {
        log(`scan N=${attempts} C=${scalingConcurrency} L=0 (${i + 1} of 2)…`);
        pair.push(await measureScan({ attempts, concurrency: scalingConcurrency, latencyMs: 0, jitterMs: 0, database }));
      }
      scans.push(...pair);
      log(`report and compare on N=${attempts}…`);
      largeRuns.push({
        attempts,
        reportMs: reportMs({ database, runId: pair[0]!.runId }),
        compareMs: compareMs({ database, runA: pair[0]!.runId, runB: pair[1]!.runId }),
      });
      rmSync(database, { force: true });
    }
    const distributed = await distributedCases(log);
    const dashboard = await dashboardCase(log);
    const results: BenchResults = {
      date: new Date().toISOString(),
      mode: quick ? 'quick' : 'full',
      machine: machine(),
      cli,
      mockProcess: 'child (its CPU is excluded from cpuMsPerAttempt; peak RSS is the Redline process only)',
      scans: scans.map(({ database: _db, ...rest }) => rest),
      helpMs,
      injectionDetector,
      ...(scoring === undefined ? {} : { scoring }),
      largeRuns,
      ...(distributed === undefined ? {} : { distributed }),
      ...(dashboard === undefined ? {} : { dashboard: dashboard.data, dashboardPages: dashboard.pages }),
      goals: [],
    };
    const withGoals = { ...results, goals: evaluateGoals(results) };
    printResults(withGoals);
    writeResults(withGoals, log);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
