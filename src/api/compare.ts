import { StoreError } from '../core/errors.js';
import { cellKey } from '../core/counts.js';
import { compareRuns, comparedRun, sortedCellKeys, type ChangeVerdict, type ComparedRun, type RunCells, type RunComparison } from '../stats/compare-runs.js';
import type { Adjustment } from '../stats/multiple-comparisons.js';
import { rateFields, type RateFields } from '../stats/rate-fields.js';
import type { CellCounts } from '../stats/summary.js';
import type { StoredRun } from '../core/run.js';
import type { RunStore } from '../core/run-store.js';

/** How strictly changes are judged. */
export type SignificanceOptions = {
  /** Significance level for adjusted p-values (default 0.05). */
  readonly alpha?: number;
  /** Multiple-comparison adjustment (default 'bh'). */
  readonly adjustment?: Adjustment;
};

/** Options of `compareStoredRuns`. */
export type CompareStoredOptions = SignificanceOptions & {
  /** Id of the baseline run. */
  readonly runA: string;
  /** Id of the run judged against it. */
  readonly runB: string;
};

/** Compares two stored runs cell by cell (run B against baseline A); unknown ids fail with a hint to `redline runs`. */
export async function compareStoredRuns(store: RunStore, options: CompareStoredOptions): Promise<RunComparison> {
  const load = async (id: string): Promise<RunCells> => ({ run: await store.runs.require(id), cells: await store.aggregates.cellComponents(id) });
  const sampled = { a: await store.aggregates.sampled(options.runA), b: await store.aggregates.sampled(options.runB) };
  return compareRuns({ a: await load(options.runA), b: await load(options.runB), alpha: options.alpha, adjustment: options.adjustment, sampled });
}

/** One run's figures for a cell. */
export type HistoryPoint = {
  /** Run id. */
  readonly runId: string;
  /** When the run was created (ISO 8601). */
  readonly createdAt: string;
  /** The cell's counts, rate and interval in this run; null when the run has no such cell. */
  readonly rate: RateFields | null;
  /** Verdict against the previous run of the group; null for the first run. */
  readonly change: ChangeVerdict | null;
};

/** One cell's rate over time. */
export type CellHistory = Pick<CellCounts, 'technique' | 'chain' | 'category' | 'persona'> & {
  /** One point per run of the group, oldest first. */
  readonly points: readonly HistoryPoint[];
};

/** The runs of one target configuration, oldest first, with each cell's rate over time. */
export type TargetHistory = {
  /** Target configuration hash. */
  readonly targetHash: string;
  /** The runs, oldest first. */
  readonly runs: readonly ComparedRun[];
  /** Every cell of any run, sorted by technique, category, persona. */
  readonly cells: readonly CellHistory[];
};

/** Options of `runHistory`. */
export type HistoryOptions = SignificanceOptions & {
  /** Only the target configuration whose hash starts with this. */
  readonly target?: string;
};

async function targetHistory(store: RunStore, runs: readonly StoredRun[], options: SignificanceOptions): Promise<TargetHistory> {
  const loaded: RunCells[] = [];
  for (const run of runs) loaded.push({ run, cells: await store.aggregates.cellComponents(run.id) });
  const cells = loaded.map((r) => new Map(r.cells.map((c) => [cellKey(c), c])));
  // Each run is judged against the one before it, so an arrow means "changed since last time".
  const changes = loaded.map((b, i) => (i === 0 ? new Map<string, ChangeVerdict>()
    : new Map(compareRuns({ a: loaded[i - 1]!, b, alpha: options.alpha, adjustment: options.adjustment }).cells.map((c) => [cellKey(c), c.verdict]))));
  const keys = sortedCellKeys(cells.flatMap((m) => [...m.keys()]));
  return {
    targetHash: runs[0]!.hashes.target,
    runs: loaded.map(comparedRun),
    cells: keys.map((key) => {
      const { technique, chain, category, persona } = cells.find((m) => m.has(key))!.get(key)!;
      const points = loaded.map(({ run }, i): HistoryPoint => {
        const own = cells[i]!.get(key);
        return { runId: run.id, createdAt: new Date(run.createdAt).toISOString(), rate: own === undefined ? null : rateFields(own), change: i === 0 ? null : changes[i]!.get(key) ?? null };
      });
      return { technique, chain: chain ?? 'none', category, persona, points };
    }),
  };
}

/** Stored runs grouped by target configuration (most recently used first), each cell's rate over time. */
export async function runHistory(store: RunStore, options: HistoryOptions): Promise<TargetHistory[]> {
  const runs = (await store.runs.list()).filter((run) => options.target === undefined || run.hashes.target.startsWith(options.target));
  if (runs.length === 0 && options.target !== undefined) {
    throw new StoreError(`no runs with a target configuration hash starting '${options.target}' in ${store.location}`, {
      file: store.location,
      hint: 'run `redline history` without --target to see the target hashes',
    });
  }
  const groups = new Map<string, StoredRun[]>();
  for (const run of runs) groups.set(run.hashes.target, [run, ...(groups.get(run.hashes.target) ?? [])]);
  const histories: TargetHistory[] = [];
  for (const group of groups.values()) histories.push(await targetHistory(store, group, options));
  return histories;
}

export type { CellComparison, ChangeVerdict, ComparedRun, RunComparison } from '../stats/compare-runs.js';
export { ADJUSTMENTS, type Adjustment } from '../stats/multiple-comparisons.js';
