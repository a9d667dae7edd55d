import { StoreError } from '../core/errors.js';
import { cellKey, compareRuns, comparedRun, sortedCellKeys, type ChangeVerdict, type ComparedRun, type RunCells, type RunComparison } from '../stats/compare-runs.js';
import type { Adjustment } from '../stats/multiple-comparisons.js';
import { rateFields, type RateFields } from '../stats/rate-fields.js';
import type { CellCounts } from '../stats/summary.js';
import { cellComponents } from '../store/comparison-queries.js';
import { openDatabase, type Db } from '../store/open-database.js';
import { listRuns, requireRun, type StoredRun } from '../store/run-store.js';

/** How strictly changes are judged. */
export type SignificanceOptions = {
  /** Significance level for adjusted p-values (default 0.05). */
  readonly alpha?: number;
  /** Multiple-comparison adjustment (default 'bh'). */
  readonly adjustment?: Adjustment;
};

/** Options of `compareStoredRuns`. */
export type CompareStoredOptions = SignificanceOptions & {
  /** Database file. */
  readonly database: string;
  /** Id of the baseline run. */
  readonly runA: string;
  /** Id of the run judged against it. */
  readonly runB: string;
};

/** Compares two stored runs cell by cell (run B against baseline A); unknown ids fail with a hint to `redline runs`. */
export function compareStoredRuns(options: CompareStoredOptions): RunComparison {
  const db = openDatabase(options.database);
  try {
    const load = (id: string): RunCells => ({ run: requireRun(db, { id, file: options.database }), cells: cellComponents(db, id) });
    return compareRuns({ a: load(options.runA), b: load(options.runB), alpha: options.alpha, adjustment: options.adjustment });
  } finally {
    db.close();
  }
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
export type CellHistory = Pick<CellCounts, 'technique' | 'category' | 'persona'> & {
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
  /** Database file. */
  readonly database: string;
  /** Only the target configuration whose hash starts with this. */
  readonly target?: string;
};

function targetHistory(db: Db, runs: readonly StoredRun[], options: SignificanceOptions): TargetHistory {
  const loaded: RunCells[] = runs.map((run) => ({ run, cells: cellComponents(db, run.id) }));
  const cells = loaded.map((r) => new Map(r.cells.map((c) => [cellKey(c), c])));
  // Each run is judged against the one before it, so an arrow means "changed since last time".
  const changes = loaded.map((b, i) => (i === 0 ? new Map<string, ChangeVerdict>()
    : new Map(compareRuns({ a: loaded[i - 1]!, b, alpha: options.alpha, adjustment: options.adjustment }).cells.map((c) => [cellKey(c), c.verdict]))));
  const keys = sortedCellKeys(cells.flatMap((m) => [...m.keys()]));
  return {
    targetHash: runs[0]!.hashes.target,
    runs: loaded.map(comparedRun),
    cells: keys.map((key) => {
      const { technique, category, persona } = cells.find((m) => m.has(key))!.get(key)!;
      const points = loaded.map(({ run }, i): HistoryPoint => {
        const own = cells[i]!.get(key);
        return { runId: run.id, createdAt: new Date(run.createdAt).toISOString(), rate: own === undefined ? null : rateFields(own), change: i === 0 ? null : changes[i]!.get(key) ?? null };
      });
      return { technique, category, persona, points };
    }),
  };
}

/** Stored runs grouped by target configuration (most recently used first), each cell's rate over time. */
export function runHistory(options: HistoryOptions): TargetHistory[] {
  const db = openDatabase(options.database);
  try {
    const runs = listRuns(db).filter((run) => options.target === undefined || run.hashes.target.startsWith(options.target));
    if (runs.length === 0 && options.target !== undefined) {
      throw new StoreError(`no runs with a target configuration hash starting '${options.target}' in ${options.database}`, {
        file: options.database,
        hint: 'run `redline history` without --target to see the target hashes',
      });
    }
    const groups = new Map<string, StoredRun[]>();
    for (const run of runs) groups.set(run.hashes.target, [run, ...(groups.get(run.hashes.target) ?? [])]);
    return [...groups.values()].map((group) => targetHistory(db, group, options));
  } finally {
    db.close();
  }
}
