import { cellKey } from '../core/counts.js';
import type { Run, RunStatus } from '../core/run.js';
import { differenceInterval } from './disparity.js';
import { fisherExactTest, type Proportion } from './fisher-exact.js';
import { adjustPValues, type Adjustment } from './multiple-comparisons.js';
import { rateFields, type RateFields } from './rate-fields.js';
import { significant } from './significance.js';
import type { CellCounts } from './summary.js';
import { whyNotComparable, type CellComponents } from './cell-comparability.js';
import type { SampleCellCounts } from '../core/review-sample.js';
import { compareSampled, type SampleComparison } from './sample-corrected.js';

/** Version of the comparison JSON; additive changes keep it, removals and renames bump it (docs/compare.md). */
/** 2: cells are technique × chain × category × persona (they were pooled over chains). */
export const COMPARISON_SCHEMA_VERSION = 2;

/** A run and its cells, as `compareRuns` reads them. */
export type RunCells = {
  /** The run. */
  readonly run: Pick<Run, 'id' | 'targetId' | 'simulated' | 'status' | 'createdAt' | 'hashes'>;
  /** Its cells with their components. */
  readonly cells: readonly CellComponents[];
};

/** What happened to a cell from run A to run B; success is the probe finding a failure, so higher is worse. */
export type ChangeVerdict = 'regression' | 'improvement' | 'no significant change' | 'not comparable';

/** One technique × chain × category × persona in both runs. */
export type CellComparison = {
  /** Technique id. */
  readonly technique: string;
  /** Converter chain id ('none' for the identity). */
  readonly chain: string;
  /** Goal category. */
  readonly category: string;
  /** Goal persona. */
  readonly persona: CellCounts['persona'];
  /** The verdict. */
  readonly verdict: ChangeVerdict;
  /** Why the cell is not comparable; null when it is. */
  readonly reason: string | null;
  /** Counts, rate and Wilson interval in run A; null when the cell is not in it. */
  readonly a: RateFields | null;
  /** Counts, rate and Wilson interval in run B; null when the cell is not in it. */
  readonly b: RateFields | null;
  /** Rate B − rate A with its 95% Newcombe interval (not adjusted for multiplicity); null when not compared. */
  readonly difference: { readonly estimate: number; readonly low: number; readonly high: number } | null;
  /** Two-sided Fisher exact p-value; null when not compared. */
  readonly p: number | null;
  /** p adjusted over every compared cell of the pair; null when not compared. */
  readonly q: number | null;
};

/** A run as the comparison names it. */
export type ComparedRun = {
  /** Run id. */
  readonly id: string;
  /** Target id. */
  readonly targetId: string;
  /** Hash of the target configuration. */
  readonly targetHash: string;
  /** True when the target is simulated (the demo). */
  readonly simulated: boolean;
  /** Where the run stands; an unfinished run's cells may hold fewer goals. */
  readonly status: RunStatus;
  /** When the run was created (ISO 8601). */
  readonly createdAt: string;
};

/** The comparison of run B against run A (docs/compare.md). */
export type RunComparison = {
  /** Always COMPARISON_SCHEMA_VERSION. */
  readonly schemaVersion: typeof COMPARISON_SCHEMA_VERSION;
  /** The baseline. */
  readonly runA: ComparedRun;
  /** The run judged against it. */
  readonly runB: ComparedRun;
  /** True when the target configuration hashes differ (a new metaprompt, model or endpoint). */
  readonly targetChanged: boolean;
  /** Level q may not exceed for a regression or an improvement (q ≤ alpha, see `significant`). */
  readonly alpha: number;
  /** How p-values were adjusted for the number of cells compared. */
  readonly adjustment: Adjustment;
  /** Every cell of either run, sorted by technique, category, persona. */
  readonly cells: readonly CellComparison[];
  /** How many cells got each verdict. */
  readonly counts: Readonly<Record<ChangeVerdict, number>>;
  /** Per persona, each run's rate corrected by its human-labeled review sample and B − A; absent unless either run has one. */
  readonly sampleCorrected?: readonly SampleComparison[];
};

/** What `compareRuns` compares, and how strictly. */
export type CompareInput = {
  /** The baseline run. */
  readonly a: RunCells;
  /** The run judged against it. */
  readonly b: RunCells;
  /** Significance level: a cell changed when q ≤ alpha (default 0.05). */
  readonly alpha?: number;
  /** Multiple-comparison adjustment (default 'bh'). */
  readonly adjustment?: Adjustment;
  /** Each run's review-sample counts per cell (`RunStore.aggregates.sampled`), when either has a sample. */
  readonly sampled?: { readonly a: readonly SampleCellCounts[]; readonly b: readonly SampleCellCounts[] };
};

/** A cell's identity across runs: technique, converter chain, category and persona. */
/** Distinct cell keys in code-unit order, not locale order, so the same data sorts the same on every machine. */
export function sortedCellKeys(keys: Iterable<string>): string[] {
  return [...new Set(keys)].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0));
}

/** The facts a comparison states about a run. */
export const comparedRun = ({ run }: Pick<RunCells, 'run'>): ComparedRun => ({
  id: run.id, targetId: run.targetId, targetHash: run.hashes.target, simulated: run.simulated, status: run.status, createdAt: new Date(run.createdAt).toISOString(),
});

const decided = (c: CellCounts): Proportion => ({ successes: c.success, n: c.success + c.failure });

/** Compares run B against run A cell by cell: Fisher exact p, adjusted q, Newcombe interval and a verdict; pure. */
export function compareRuns(input: CompareInput): RunComparison {
  const alpha = input.alpha ?? 0.05;
  const adjustment = input.adjustment ?? 'bh';
  if (!(alpha > 0 && alpha < 1)) throw new RangeError(`alpha must lie strictly between 0 and 1, got ${alpha}`);
  const cellsA = new Map(input.a.cells.map((c) => [cellKey(c), c]));
  const cellsB = new Map(input.b.cells.map((c) => [cellKey(c), c]));
  const keys = sortedCellKeys([...cellsA.keys(), ...cellsB.keys()]);
  const rows = keys.map((key) => {
    const [a, b] = [cellsA.get(key), cellsB.get(key)];
    const reason = a === undefined ? 'only in run B' : b === undefined ? 'only in run A' : whyNotComparable(a, b);
    const p = reason === undefined ? fisherExactTest(decided(a!), decided(b!)) : null;
    return { cell: (a ?? b)!, a, b, reason, p };
  });
  const compared = rows.filter((r) => r.p !== null);
  const qs = new Map(adjustPValues(compared.map((r) => r.p!), adjustment).map((q, i) => [compared[i]!, q]));
  const cells = rows.map((row): CellComparison => {
    const q = qs.get(row) ?? null;
    const d = q === null ? undefined : differenceInterval(decided(row.b!), decided(row.a!));
    const verdict: ChangeVerdict = q === null ? 'not comparable' : !significant(q, alpha) ? 'no significant change' : d!.difference > 0 ? 'regression' : 'improvement';
    return {
      technique: row.cell.technique, chain: row.cell.chain ?? 'none', category: row.cell.category, persona: row.cell.persona, verdict, reason: row.reason ?? null,
      a: row.a === undefined ? null : rateFields(row.a), b: row.b === undefined ? null : rateFields(row.b),
      difference: d === undefined ? null : { estimate: d.difference, low: d.low, high: d.high }, p: row.p, q,
    };
  });
  const counts = { regression: 0, improvement: 0, 'no significant change': 0, 'not comparable': 0 };
  cells.forEach((cell) => (counts[cell.verdict] += 1));
  const [runA, runB] = [comparedRun(input.a), comparedRun(input.b)];
  const sampled = input.sampled === undefined ? [] : compareSampled(input.sampled.a, input.sampled.b);
  return {
    schemaVersion: COMPARISON_SCHEMA_VERSION, runA, runB, targetChanged: runA.targetHash !== runB.targetHash, alpha, adjustment, cells, counts,
    ...(sampled.length === 0 ? {} : { sampleCorrected: sampled }),
  };
}
