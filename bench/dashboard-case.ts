import { openStore } from '../src/api/open-store.js';
import { summarizeStoredRun } from '../src/api/reports.js';
import type { RunAggregates } from '../src/core/run-store.js';

/** What the dashboard's run page costs on one stored run. */
export type DashboardMeasurement = {
  /** Attempts in the run. */
  readonly attempts: number;
  /** Milliseconds spent writing the fixture in this bench run; absent when it came from the cache. */
  readonly generatedMs?: number;
  /** Database file size, bytes. */
  readonly dbBytes: number;
  /** `summarizeStoredRun`, ms: median of `repeats` after one warm-up. */
  readonly summarizeMs: number;
  /** Each aggregate the run page reads, ms (median of `repeats` after one warm-up). */
  readonly aggregatesMs: Readonly<Record<string, number>>;
  /** Resident set size after the measurements, MB. */
  readonly rssMb: number;
  /** Highest RSS seen between measurements, MB. */
  readonly peakRssMb: number;
};

// The aggregates `summarizeStoredRun` reads (the run page), plus the one `compare` reads.
const AGGREGATES: readonly Exclude<keyof RunAggregates, 'errors'>[] = ['cells', 'goals', 'goalCells', 'goalMetadata', 'turns', 'detectors', 'sampled', 'cellComponents'];

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function timed(repeats: number, action: () => Promise<unknown>, sample: () => void): Promise<number> {
  await action();
  sample();
  const ms: number[] = [];
  for (let i = 0; i < repeats; i += 1) {
    const t0 = performance.now();
    await action();
    ms.push(performance.now() - t0);
    sample();
  }
  return median(ms);
}

/** Times the run page's data over a stored run in this (warm) process: each aggregate, then the whole summary. */
export async function measureDashboardData(input: { file: string; runId: string; attempts: number; dbBytes: number; generatedMs?: number; repeats?: number }): Promise<DashboardMeasurement> {
  const repeats = input.repeats ?? 5;
  let peak = process.memoryUsage().rss;
  const sample = (): void => { peak = Math.max(peak, process.memoryUsage().rss); };
  const store = openStore(input.file);
  try {
    const run = await store.runs.require(input.runId);
    const aggregatesMs: Record<string, number> = {};
    for (const name of AGGREGATES) aggregatesMs[name] = await timed(repeats, () => store.aggregates[name](input.runId), sample);
    const summarizeMs = await timed(repeats, () => summarizeStoredRun(store, run), sample);
    return {
      attempts: input.attempts, ...(input.generatedMs === undefined ? {} : { generatedMs: input.generatedMs }), dbBytes: input.dbBytes,
      summarizeMs, aggregatesMs, rssMb: process.memoryUsage().rss / 2 ** 20, peakRssMb: peak / 2 ** 20,
    };
  } finally {
    await store.close();
  }
}
