import type { CellCounts, DetectorCounts, GoalCellCounts, GoalCounts, TurnCounts } from '../../core/counts.js';
import { turnCountsFromRows, type ReachedRow } from '../turn-counts-from-rows.js';
import { run, type Pg } from './db.js';

/** Outcome counts of a group of tally rows `x` (attempt_tallies): as summaries count them, reviews applied. */
const TALLY_COUNTS = 'SUM(x.success) AS success, SUM(x.failure) AS failure, SUM(x.error) AS error, SUM(x.unscored) AS unscored, SUM(x.reviewed) AS reviewed';

type CellRow = Omit<CellCounts, 'decidingScorers' | 'tokens'> & { scorers: string[]; prompt: number; completion: number; attacker: number; estimated: number };

/** Outcome counts per cell, aggregated from the run's tallies (nothing per attempt is loaded). */
export async function cellCounts(db: Pg, runId: string): Promise<CellCounts[]> {
  // Grouped on the references first, so the names are looked up once per cell rather than once per tally row.
  const rows = await run<CellRow>(db, {
    action: `count the cells of run ${runId}`,
    sql: `SELECT t.name AS technique, t.registry_id AS "techniqueId", c.name AS chain, x.category, x.persona, x.success, x.failure, x.error, x.unscored, x.reviewed, x.filtered,
                 ARRAY(SELECT DISTINCT s.name FROM components s WHERE s.ref = ANY(x.scorer_refs) ORDER BY s.name) AS scorers,
                 x.prompt, x.completion, x.attacker, x.estimated
          FROM (SELECT technique_ref, chain_ref, category, persona, ${TALLY_COUNTS}, array_agg(DISTINCT scorer_ref) AS scorer_refs,
                       SUM(filtered) AS filtered, SUM(prompt_tokens) AS prompt, SUM(completion_tokens) AS completion,
                       SUM(attacker_tokens) AS attacker, SUM(estimated) AS estimated
                FROM attempt_tallies x WHERE run_id = $1 GROUP BY technique_ref, chain_ref, category, persona) x
            JOIN components t ON t.ref = x.technique_ref JOIN components c ON c.ref = x.chain_ref
          ORDER BY t.name, c.name, x.category, x.persona`,
    params: [runId],
  });
  return rows.map(({ scorers, prompt, completion, attacker, estimated, ...row }) => ({
    ...row, decidingScorers: scorers, tokens: { prompt, completion, attacker, estimatedAttempts: estimated },
  }));
}

/** Outcome counts per goal. */
export async function goalCounts(db: Pg, runId: string): Promise<GoalCounts[]> {
  return run<GoalCounts>(db, {
    action: `count the goals of run ${runId}`,
    sql: `SELECT g.name AS "goalId", x.category, x.persona, ${TALLY_COUNTS}
          FROM attempt_tallies x JOIN components g ON g.ref = x.goal_ref
          WHERE x.run_id = $1 GROUP BY g.ref, x.category, x.persona ORDER BY g.name`,
    params: [runId],
  });
}

/** Outcome counts per goal × technique × chain (the units a goal-level bootstrap resamples). */
export async function goalCellCounts(db: Pg, runId: string): Promise<GoalCellCounts[]> {
  return run<GoalCellCounts>(db, {
    action: `count the goal cells of run ${runId}`,
    sql: `SELECT g.name AS "goalId", t.name AS technique, c.name AS chain, x.category, x.persona, ${TALLY_COUNTS}
          FROM attempt_tallies x JOIN components g ON g.ref = x.goal_ref JOIN components t ON t.ref = x.technique_ref
            JOIN components c ON c.ref = x.chain_ref
          WHERE x.run_id = $1 GROUP BY g.ref, t.ref, c.ref, x.category, x.persona ORDER BY g.name, t.name, c.name`,
    params: [runId],
  });
}

/** Metadata of each goal of a run that has any, by goal id (parsed here: the stored description may hold what jsonb refuses). */
export async function goalMetadata(db: Pg, runId: string): Promise<Map<string, Readonly<Record<string, string>>>> {
  const rows = await run<{ goalId: string; spec: string }>(db, {
    action: `read the goals of run ${runId}`,
    sql: `SELECT g.name AS "goalId", g.spec_json AS spec
          FROM (SELECT DISTINCT goal_ref FROM attempt_tallies WHERE run_id = $1) x JOIN components g ON g.ref = x.goal_ref`,
    params: [runId],
  });
  const out = new Map<string, Readonly<Record<string, string>>>();
  for (const row of rows) {
    const metadata = (JSON.parse(row.spec) as { metadata?: Record<string, string> | null }).metadata;
    if (metadata !== undefined && metadata !== null) out.set(row.goalId, metadata);
  }
  return out;
}

/** For multi-turn techniques: decided attempts, and how many first reached the goal at each target turn. */
export async function turnCounts(db: Pg, runId: string): Promise<TurnCounts[]> {
  // reached: -2 for attempts of single-turn techniques, -1 when the goal was never reached.
  const rows = await run<ReachedRow>(db, {
    action: `count the turns of run ${runId}`,
    sql: `SELECT t.name AS technique, x.persona, x.reached, SUM(x.success + x.failure) AS n
          FROM attempt_tallies x JOIN components t ON t.ref = x.technique_ref
          WHERE x.run_id = $1 AND x.reached <> -2
          GROUP BY t.name, x.persona, x.reached HAVING SUM(x.success + x.failure) > 0 ORDER BY t.name, x.persona`,
    params: [runId],
  });
  return turnCountsFromRows(rows);
}

/** Number of attempts stored for a run (a sum over its tallies, not a count of a million rows). */
export async function attemptCount(db: Pg, runId: string): Promise<number> {
  const [row] = await run<{ n: number }>(db, {
    action: `count the attempts of run ${runId}`, sql: 'SELECT COALESCE(SUM(success + failure + error + unscored), 0) AS n FROM attempt_tallies WHERE run_id = $1', params: [runId],
  });
  return row?.n ?? 0;
}

/** When the run's most recently finished stored attempt finished (epoch ms); undefined when none is stored. */
export async function lastFinishedAt(db: Pg, runId: string): Promise<number | undefined> {
  const [row] = await run<{ at: number | null }>(db, { action: `read run ${runId}`, sql: 'SELECT MAX(finished_at) AS at FROM attempts WHERE run_id = $1', params: [runId] });
  return row?.at ?? undefined;
}

/**
 * Per scorer and persona, over every attempt's final scores: replies read, replies flagged, flagged ones another
 * scorer decided, and the categories of the flagged (from the detector tallies the attempt writer keeps).
 */
export async function detectorCounts(db: Pg, runId: string): Promise<DetectorCounts[]> {
  const rows = await run<DetectorCounts & { categories: string[] | null }>(db, {
    action: `count the detectors of run ${runId}`,
    sql: `SELECT scorer_id AS "scorerId", persona, SUM(attempts) AS attempts, COALESCE(SUM(attempts) FILTER (WHERE hit), 0) AS hits,
                 COALESCE(SUM(attempts) FILTER (WHERE hit AND NOT deciding), 0) AS "hitsNotDeciding",
                 array_agg(DISTINCT category) FILTER (WHERE hit) AS categories
          FROM detector_tallies WHERE run_id = $1
          GROUP BY scorer_id, persona ORDER BY scorer_id, persona`,
    params: [runId],
  });
  return rows.map((r) => ({ ...r, categories: [...(r.categories ?? [])].sort() }));
}
