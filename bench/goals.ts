import type { DashboardMeasurement } from './dashboard-case.js';
import type { DistributedMeasurement } from './distributed-case.js';
import type { DashboardPages } from './dashboard-pages.js';
import type { InjectionLatency } from './injection-latency.js';
import type { ScanMeasurement } from './scan-case.js';
import type { CliScanMeasurement } from './cli-scan-case.js';
import type { ScoringMeasurement } from './scoring-case.js';

/** Report and compare timings on one size of run. */
export type LargeRunTiming = {
  /** Attempts in each run. */
  readonly attempts: number;
  /** `redline report RUN --format json --out FILE`, ms (process spawn included). */
  readonly reportMs: number;
  /** `redline compare A B`, ms (process spawn included). */
  readonly compareMs: number;
};

/** One goal from issue 7, judged on this run of the bench. */
export type GoalResult = {
  /** What the goal asks. */
  readonly goal: string;
  /** The figure measured, as text. */
  readonly measured: string;
  /** 'met', 'missed', or 'not measured' (e.g. the 1M goals in --quick mode). */
  readonly status: 'met' | 'missed' | 'not measured';
};

/** Fresh `redline scan` processes, each case run `repeats` times. */
export type CliScanResults = {
  /** Runs of each case. */
  readonly repeats: number;
  /** Every run, in order. */
  readonly runs: readonly CliScanMeasurement[];
  /** Per case, the median of its runs, figure by figure. */
  readonly medians: readonly CliScanMeasurement[];
  /** Ms from spawning a Node process whose only line sends one request to the mock receiving it (median of 5). */
  readonly nodeFirstRequestMs: number;
};

/** Everything one bench run writes to bench/results/. */
export type BenchResults = {
  /** When the bench ran (ISO 8601). */
  readonly date: string;
  /** 'quick' or 'full'. */
  readonly mode: 'quick' | 'full';
  /** Where it ran. */
  readonly machine: { cpus: number; cpuModel: string; node: string; platform: string };
  /** Where the mock target ran, and what that means for the figures. */
  readonly mockProcess: string;
  /** The headline: fresh `redline scan` processes end to end (start-up included); absent when skipped. */
  readonly cli?: CliScanResults;
  /** Every scan measured in this (warm) process, in order. */
  readonly scans: readonly Omit<ScanMeasurement, 'database'>[];
  /** Median `redline --help` wall time, ms. */
  readonly helpMs: number;
  /** Report and compare timings per run size. */
  readonly largeRuns: readonly LargeRunTiming[];
  /** The dashboard's run page data over a large stored run; absent when skipped (REDLINE_BENCH_BIG=0). */
  readonly dashboard?: DashboardMeasurement;
  /** A real `redline serve` over the same run, pages timed over HTTP; absent when skipped. */
  readonly dashboardPages?: DashboardPages;
  /** The offline injection detector's per-input latency. */
  readonly injectionDetector: InjectionLatency;
  /** CPU per reply of the refusal and objective scorers over real replies; absent without the public sets. */
  readonly scoring?: ScoringMeasurement;
  /** Distributed scans with 1, 2 and 4 worker processes; absent without Redis and PostgreSQL (REDLINE_TEST_*_URL). */
  readonly distributed?: readonly DistributedMeasurement[];
  /** The goals, judged. */
  readonly goals: readonly GoalResult[];
};

const ONE_MILLION = 1_000_000;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function judged(goal: string, measured: number | undefined, format: (v: number) => string, ok: (v: number) => boolean): GoalResult {
  if (measured === undefined) return { goal, measured: '—', status: 'not measured' };
  return { goal, measured: format(measured), status: ok(measured) ? 'met' : 'missed' };
}

/** Judges the measured figures against the goals of issue 7. */
export function evaluateGoals(results: Omit<BenchResults, 'goals'>): GoalResult[] {
  const limitRuns = results.scans.filter((s) => s.concurrency === 64 && s.latencyMs === 50).map((s) => s.efficiency ?? 0);
  const worstCpu = results.scans.length ? Math.max(...results.scans.map((s) => s.cpuMsPerAttempt)) : undefined;
  const million = results.scans.filter((s) => s.attempts === ONE_MILLION);
  const millionRuns = results.largeRuns.find((r) => r.attempts === ONE_MILLION);
  const pagesAtMillion = results.dashboardPages?.attempts === ONE_MILLION ? results.dashboardPages : undefined;
  return [
    ...cliGoals(results.cli, results.helpMs),
    judged('≥ 90% of C/L at C = 64, L = 50 ms (median)', limitRuns.length ? median(limitRuns) : undefined, (v) => `${(v * 100).toFixed(1)}%`, (v) => v >= 0.9),
    judged('≤ 1 ms CPU per attempt (worst scan)', worstCpu, (v) => `${v.toFixed(2)} ms`, (v) => v <= 1),
    judged('peak RSS < 250 MB at 1M attempts', million.length ? Math.max(...million.map((s) => s.peakRssMb)) : undefined, (v) => `${v.toFixed(0)} MB`, (v) => v < 250),
    judged('report on 1M attempts < 15 s', millionRuns?.reportMs, (v) => `${(v / 1000).toFixed(1)} s`, (v) => v < 15_000),
    judged('compare on two 1M runs < 15 s', millionRuns?.compareMs, (v) => `${(v / 1000).toFixed(1)} s`, (v) => v < 15_000),
    judged('serve: run page at 1M attempts < 500 ms (median; data current)', pagesAtMillion === undefined ? undefined : runPage(pagesAtMillion), (v) => `${v.toFixed(0)} ms`, (v) => v < 500),
    judged('serve: slowest filtered attempts page at 1M < 500 ms (median)', pagesAtMillion === undefined ? undefined : slowestFiltered(pagesAtMillion), (v) => `${v.toFixed(0)} ms`, (v) => v < 500),
    judged('serve: peak RSS at 1M attempts < 300 MB', pagesAtMillion?.servePeakRssMb, (v) => `${v.toFixed(0)} MB`, (v) => v < 300),
    judged('`redline --help` < 300 ms', results.helpMs, (v) => `${v.toFixed(0)} ms`, (v) => v < 300),
    judged('injection detector < 2 ms per input (p95)', results.injectionDetector.p95Ms, (v) => `${v.toFixed(2)} ms`, (v) => v < 2),
  ];
}

/**
 * Issue 21's goals for a fresh `redline scan` process (C = 64, L = 50 ms), judged on the medians of the 50 ± 10 ms
 * cases; the lock-step case (every reply exactly 50 ms) has a line of its own.
 */
function cliGoals(cli: CliScanResults | undefined, helpMs: number): GoalResult[] {
  const at = (attempts: number, jitterMs = 10): CliScanMeasurement | undefined => cli?.medians.find((m) => m.attempts === attempts && m.jitterMs === jitterMs);
  const percent = (v: number): string => `${(v * 100).toFixed(1)}%`;
  const firsts = cli?.medians.map((m) => m.firstRequestMs) ?? [];
  return [
    judged('CLI scan, 20,000 attempts ≥ 85% of C/L', at(20_000)?.efficiency, percent, (v) => v >= 0.85),
    judged('CLI scan, 20,000 attempts, replies in lock-step (L = 50 ± 0 ms) ≥ 85% of C/L', at(20_000, 0)?.efficiency, percent, (v) => v >= 0.85),
    judged('CLI scan, 2,000 attempts ≥ 70% of C/L', at(2_000)?.efficiency, percent, (v) => v >= 0.7),
    judged('CLI scan, 2,000 attempts ≤ 1.0 ms CPU per attempt (start-up included)', at(2_000)?.cpuMsPerAttempt, (v) => `${v.toFixed(2)} ms`, (v) => v <= 1),
    judged('CLI scan: process start to first request < 250 ms', firsts.length ? Math.max(...firsts) : undefined, (v) => `${v.toFixed(0)} ms`, (v) => v < 250),
    judged('`redline --help` < 200 ms', helpMs, (v) => `${v.toFixed(0)} ms`, (v) => v < 200),
  ];
}

/** The run page's median response time. */
function runPage(d: DashboardPages): number | undefined {
  return d.pages.find((p) => /^\/runs\/[^/]+$/.test(p.path))?.medianMs;
}

/** The slowest median among the attempts pages that filter or search. */
function slowestFiltered(d: DashboardPages): number | undefined {
  const filtered = d.pages.filter((p) => p.path.includes('/attempts?'));
  return filtered.length === 0 ? undefined : Math.max(...filtered.map((p) => p.medianMs));
}
