import { cellKey, type CellCounts, type DetectorCounts, type GoalCellCounts, type GoalCounts } from '../core/counts.js';
import { goalClusteredInterval, type GoalClusteredInterval } from './cluster-bootstrap.js';
import type { ComponentHashes, Persona, PreflightReport, Run, RunFailure, RunStatus } from '../core/index.js';
import { PERSONAS } from '../core/index.js';
import { counterfactualDisparities, type CounterfactualCounts, type DisparityRow } from './disparity.js';
import { passAtK } from './pass-at-k.js';
import { turnCurves, type TurnCounts, type TurnCurve } from './turn-curves.js';
import { correctedRate, type CorrectedRate, type ScorerAccuracy } from './rogan-gladen.js';
import { deriveSeed } from '../core/random.js';
import { addTokens, costFor, type Cost, type RunPrices } from '../core/cost.js';
import type { RateFields } from './rate-fields.js';
import type { SampleCellCounts } from '../core/review-sample.js';
import { labeledCount, sampleCorrectedRate, sumSampleCounts, type SampleCorrectedRate } from './sample-corrected.js';
import { rateFields, sumCounts, totalCounts } from './rate-fields.js';

/**
 * Version of the JSON summary; additive changes keep it, removals, renames and changed meanings bump it
 * (docs/report-json.md). 2: cells are technique × chain × category × persona (they were pooled over chains).
 */
export const SUMMARY_SCHEMA_VERSION = 2;

export type { CellCounts, DetectorCounts, GoalCellCounts, GoalCounts } from '../core/counts.js';

/** The run facts a summary needs; a stored `Run` fits. */
export type SummaryRun = Pick<
  Run,
  'id' | 'status' | 'targetId' | 'simulated' | 'seed' | 'planned' | 'createdAt' | 'finishedAt' | 'hashes'
>;

/** Everything `buildSummary` reads. */
export type SummaryInput = {
  /** The run. */
  readonly run: SummaryRun;
  /** Counts per technique × chain × category × persona. */
  readonly cells: readonly CellCounts[];
  /** Counts per goal × technique × chain, for goal-clustered intervals of pooled rows; without them those are null. */
  readonly goalCells?: readonly GoalCellCounts[];
  /** Counts per goal. */
  readonly goals: readonly GoalCounts[];
  /** Attempts per goal an attacker is assumed to get, for pass@k. */
  readonly k: number;
  /** Counts of counterfactual goals (same request, one demographic attribute swapped), for disparities. */
  readonly counterfactuals?: readonly CounterfactualCounts[];
  /** Multi-turn techniques' reached-at-turn counts, for success-by-turn curves. */
  readonly turns?: readonly TurnCounts[];
  /** Per scorer and persona, what each scorer flagged over every reply, whatever decided the attempts. */
  readonly detectors?: readonly DetectorCounts[];
  /** The deciding scorer's measured accuracy by persona, for scorer-corrected rates (Rogan–Gladen). */
  readonly accuracy?: { readonly scorerId: string; readonly byPersona: Partial<Record<Persona, ScorerAccuracy>> };
  /** Prices to figure cost with (configuration `pricing`); without them cost is in tokens only. */
  readonly prices?: RunPrices;
  /** Per cell, the judge's verdicts and the review sample's labels (`redline review --sample`); absent or empty without a sample. */
  readonly sampled?: readonly SampleCellCounts[];
};

/** What the rate means for a persona. */
export type RateName = 'attack success rate' | 'over-refusal rate';

/** What a row of a run with a review sample adds: the rate corrected by the sample's human labels. */
export type SampledFields = {
  /**
   * The rate a person would have found, estimated from the judge's verdicts and a random labeled sample drawn within
   * them, with its 95% interval; null when none of this row's sampled attempts is labeled. Absent without a sample.
   */
  readonly sampleCorrected?: SampleCorrectedRate | null;
};

/** What a pooled row adds: an interval that treats goals as the independent units (null without goal counts or with one goal). */
export type PooledFields = SampledFields & {
  /** Goal-level 95% cluster-bootstrap interval of the pooled rate; the Wilson fields treat every attempt as iid. */
  readonly goalClustered: GoalClusteredInterval | null;
};

/** Totals for one persona, pooled over techniques, chains, categories and goals. */
export type OverallRow = { readonly persona: Persona; readonly rateName: RateName } & RateFields & PooledFields;

/** One technique × converter chain × persona, pooled over categories: how much each chain changes a technique's rate. */
export type TechniqueChainRow = { readonly technique: string; readonly techniqueId?: string; readonly chain: string; readonly persona: Persona } & RateFields & PooledFields;

/** One technique × chain × category × persona: a homogeneous cell, with its Wilson interval. */
export type CellRow = { readonly technique: string; readonly chain: string; readonly category: string; readonly persona: Persona } & RateFields & SampledFields & {
  /** The technique's registry id ('many-shot' for 'many-shot(shots=4)'), as the store recorded it. */
  readonly techniqueId?: string;
  /** The rate corrected for the deciding scorer's measured errors, with a bootstrap 95% interval; null without a calibration. */
  readonly corrected: CorrectedRate | null;
  /** Attempts counted with a human reviewer's verdict instead of the machine's. */
  readonly reviewed: number;
  /** Decided attempts whose final reply the target's content filter blocked (read as the application refusing). */
  readonly filtered: number;
  /** Tokens the cell's attempts used and, with prices, what they cost. */
  readonly cost: Cost;
  /** Ids of the scorers that decided the cell's decided attempts, sorted. */
  readonly decidedBy: readonly string[];
  /**
   * An attack cell decided by `refusal` (an explicit `scoring.decide: refusal`): its rate counts every reply that
   * did not refuse as a success, whatever the reply achieved; reports mark it "refusal-based".
   */
  readonly refusalBased: boolean;
};

/** One goal, with the chance that k attempts find at least one success. */
export type GoalRow = {
  /** Goal id. */
  readonly goalId: string;
  /** Goal category. */
  readonly category: string;
  /** Goal persona. */
  readonly persona: Persona;
  /** All attempts at this goal. */
  readonly trials: number;
  /** Attempts decided as success or failure. */
  readonly decided: number;
  /** Attempts decided as success. */
  readonly successes: number;
  /** The k pass@k was computed for: the requested k, capped at `decided`. */
  readonly k: number;
  /** Unbiased pass@k over decided attempts; null when nothing was decided. */
  readonly passAtK: number | null;
};

/** The documented, versioned JSON summary of a run (docs/report-json.md). */
export type RunSummary = {
  /** Always SUMMARY_SCHEMA_VERSION. */
  readonly schemaVersion: typeof SUMMARY_SCHEMA_VERSION;
  /** Run id. */
  readonly runId: string;
  /** Where the run stands. */
  readonly status: RunStatus;
  /** The target and whether it is simulated. */
  readonly target: { readonly id: string; readonly simulated: boolean; readonly hash: string };
  /** Seed of the plan. */
  readonly seed: number;
  /** Attempts the plan holds. */
  readonly planned: number;
  /** Attempts recorded (every outcome). */
  readonly recorded: number;
  /** When the run was created (ISO 8601). */
  readonly createdAt: string;
  /** When the run last finished or stopped (ISO 8601); null while it has not. */
  readonly finishedAt: string | null;
  /** Content hashes of the run's components. */
  readonly hashes: ComponentHashes;
  /** Totals, one row per persona present. */
  readonly overall: readonly OverallRow[];
  /** Technique × chain × persona rows pooled over categories, sorted by technique, chain, persona. */
  readonly techniqueChains: readonly TechniqueChainRow[];
  /** Technique × chain × category × persona rows, sorted by technique, chain, category, persona. */
  readonly cells: readonly CellRow[];
  /** Per-goal rows with pass@k, sorted by goal id, category, persona. */
  readonly goals: readonly GoalRow[];
  /** Counterfactual disparities: per attribute, each pair of values' rates and their difference with a 95% interval. */
  readonly disparities: readonly DisparityRow[];
  /** Multi-turn techniques' success-by-turn curves (cumulative share reached by each target turn). */
  readonly turnCurves: readonly TurnCurve[];
  /**
   * Per scorer (detector) and persona, over every final reply whatever scorer decided the attempt: replies read,
   * replies flagged, flagged ones another scorer decided, and their categories — a canary leaked under a harmful
   * goal shows here although the goal's rate is decided by the objective judge.
   */
  readonly detectors: readonly DetectorCounts[];
  /** Tokens the whole run used and, with prices (configuration `pricing`), what it cost. */
  readonly cost: Cost;
  /** What the preflight skipped (never sent, not counted) or adapted before the first send; absent for older runs. */
  readonly preflight?: PreflightReport;
  /** Why the run could not measure (status 'failed': the target kept failing); absent otherwise. */
  readonly failure?: RunFailure;
  /** The run's review sample (`redline review --sample`): attempts drawn, and how many a person labeled; absent without one. */
  readonly reviewSample?: { readonly drawn: number; readonly labeled: number };
};

const RATE_NAMES: Readonly<Record<Persona, RateName>> = {
  malicious: 'attack success rate',
  benign: 'over-refusal rate',
};

/** Builds the run summary from aggregated counts; pure. */
export function buildSummary(input: SummaryInput): RunSummary {
  const { run } = input;
  if (!Number.isInteger(input.k) || input.k < 1) throw new RangeError(`k must be a positive integer, got ${input.k}`);
  const cells = [...input.cells]
    .map((cell) => ({ ...cell, chain: cell.chain ?? 'none' }))
    .sort((a, b) => compareKeys([a.technique, a.chain, a.category, a.persona], [b.technique, b.chain, b.category, b.persona]));
  const goals = [...input.goals].sort((a, b) => compareKeys([a.goalId, a.category, a.persona], [b.goalId, b.category, b.persona]));
  // The goal cells of each technique × chain × persona, indexed once (in input order, which the bootstrap's draws follow).
  const goalCellsOf = new Map<string, GoalCellCounts[]>();
  for (const g of input.goalCells ?? []) {
    const key = [g.technique, g.chain, g.persona].join('\u0000');
    const list = goalCellsOf.get(key);
    if (list === undefined) goalCellsOf.set(key, [g]);
    else list.push(g);
  }
  const clustered = (key: readonly string[], rows: () => readonly GoalCellCounts[]) => (input.goalCells === undefined ? null : pooledInterval(input, key, rows()));
  const sampled = sampledRows(input.sampled ?? []);
  const overall = PERSONAS.flatMap((persona) => {
    const mine = cells.filter((cell) => cell.persona === persona);
    if (mine.length === 0) return [];
    return [{ persona, rateName: RATE_NAMES[persona], ...rateFields(sumCounts(mine)), goalClustered: clustered(['overall', persona], () => input.goalCells!.filter((g) => g.persona === persona)), ...sampled(mine) }];
  });
  const techniqueChains = groupBy(cells, (c) => [c.technique, c.chain, c.persona]).map((group) => {
    const { technique, techniqueId, chain, persona } = group[0]!;
    return {
      technique, ...(techniqueId === undefined ? {} : { techniqueId }), chain, persona, ...rateFields(sumCounts(group)),
      goalClustered: clustered(['technique-chain', technique, chain, persona], () => goalCellsOf.get([technique, chain, persona].join('\u0000')) ?? []),
      ...sampled(group),
    };
  });
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    runId: run.id,
    status: run.status,
    target: { id: run.targetId, simulated: run.simulated, hash: run.hashes.target },
    seed: run.seed,
    planned: run.planned,
    recorded: totalCounts(sumCounts(cells)),
    createdAt: new Date(run.createdAt).toISOString(),
    finishedAt: run.finishedAt === undefined ? null : new Date(run.finishedAt).toISOString(),
    hashes: run.hashes,
    overall,
    techniqueChains,
    cells: cells.map((cell) => ({ technique: cell.technique, ...(cell.techniqueId === undefined ? {} : { techniqueId: cell.techniqueId }), chain: cell.chain, category: cell.category, persona: cell.persona, ...rateFields(cell), corrected: correctedCell(cell, input), ...sampled([cell]), reviewed: cell.reviewed ?? 0, filtered: cell.filtered ?? 0, cost: costFor(cell.tokens, input.prices ?? {}), ...decidedBy(cell) })),
    goals: goals.map((goal) => goalRow(goal, input.k)),
    disparities: counterfactualDisparities(input.counterfactuals ?? []),
    turnCurves: turnCurves(input.turns ?? []),
    detectors: [...(input.detectors ?? [])].sort((a, b) => compareKeys([a.scorerId, a.persona], [b.scorerId, b.persona])),
    cost: costFor(cells.reduce<CellCounts['tokens']>((sum, cell) => addTokens(sum, cell.tokens), undefined), input.prices ?? {}),
    ...reviewSampleSize(input.sampled ?? []),
  };
}

/** The sample-corrected field of a group of cells: their sample counts added up; nothing at all without a sample. */
function sampledRows(counts: readonly SampleCellCounts[]): (cells: readonly { technique: string; chain?: string; category: string; persona: Persona }[]) => SampledFields {
  if (counts.length === 0) return () => ({});
  const byCell = new Map(counts.map((c) => [cellKey(c), c]));
  return (cells) => {
    const mine = cells.flatMap((cell) => byCell.get(cellKey(cell)) ?? []);
    return { sampleCorrected: mine.length === 0 ? null : sampleCorrectedRate(sumSampleCounts(mine)) };
  };
}

/** How many attempts the sample has labeled, summed over cells; absent without a sample. */
function reviewSampleSize(counts: readonly SampleCellCounts[]): { reviewSample?: { drawn: number; labeled: number } } {
  if (counts.length === 0) return {};
  return { reviewSample: { drawn: counts.reduce((n, c) => n + c.drawn, 0), labeled: labeledCount(sumSampleCounts(counts)) } };
}

/** Rows grouped by a key, in first-seen order (the input is sorted, so groups come out sorted). */
function groupBy<T>(rows: readonly T[], key: (row: T) => readonly string[]): T[][] {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row).join('\u0000');
    const group = groups.get(k);
    if (group === undefined) groups.set(k, [row]);
    else group.push(row);
  }
  return [...groups.values()];
}

/** The goal-clustered interval of a pooled row: its goals' decided counts (summed over the row's cells), resampled. */
function pooledInterval(input: SummaryInput, key: readonly string[], rows: readonly GoalCellCounts[]): GoalClusteredInterval | null {
  const byGoal = new Map<string, { success: number; failure: number }>();
  for (const g of rows) {
    const entry = byGoal.get(g.goalId) ?? { success: 0, failure: 0 };
    entry.success += g.success;
    entry.failure += g.failure;
    byGoal.set(g.goalId, entry);
  }
  // Seeded by the row, so a report regenerated from the store shows the same interval.
  return goalClusteredInterval({ clusters: [...byGoal.values()], seed: deriveSeed(input.run.seed, ...key) });
}

function goalRow(goal: GoalCounts, k: number): GoalRow {
  const decided = goal.success + goal.failure;
  return {
    goalId: goal.goalId,
    category: goal.category,
    persona: goal.persona,
    trials: totalCounts(goal),
    decided,
    successes: goal.success,
    k: Math.min(k, decided),
    passAtK: passAtK({ n: decided, successes: goal.success, k }),
  };
}

// Code-unit order, not locale order, so the same data sorts the same on every machine.
function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Which scorers decided a cell, and whether it is an attack cell decided by "not refused". */
function decidedBy(cell: CellCounts): { decidedBy: readonly string[]; refusalBased: boolean } {
  const scorers = [...(cell.decidingScorers ?? [])].sort();
  return { decidedBy: scorers, refusalBased: cell.persona !== 'benign' && scorers.includes('refusal') };
}

/** The Rogan–Gladen corrected rate of a cell decided wholly by the calibrated scorer; null otherwise. */
function correctedCell(cell: CellCounts, input: SummaryInput): CorrectedRate | null {
  const accuracy = input.accuracy?.byPersona[cell.persona];
  const decided = cell.success + cell.failure;
  const scorers = cell.decidingScorers ?? [];
  // Human-reviewed attempts are not the scorer's readings: the correction applies only to purely machine-scored cells.
  if (accuracy === undefined || decided === 0 || (cell.reviewed ?? 0) > 0 || scorers.length !== 1 || scorers[0] !== input.accuracy?.scorerId) return null;
  // Seeded by the cell, so a report regenerated from the store shows the same interval (the chain only when there is one).
  const seed = deriveSeed(input.run.seed, cell.technique, ...(cell.chain === undefined || cell.chain === 'none' ? [] : [cell.chain]), cell.category, cell.persona);
  return correctedRate({ observed: { successes: cell.success, n: decided }, accuracy, seed });
}
