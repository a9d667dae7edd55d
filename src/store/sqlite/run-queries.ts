import type { ComponentRef } from '../../core/component-ref.js';
import type { CellCounts, DetectorCounts, GoalCellCounts, GoalCounts, TurnCounts } from '../../core/counts.js';
import type { SampleCellCounts } from '../../core/review-sample.js';
import type { Persona } from '../../core/outcome.js';
import { turnCountsFromRows, type ReachedRow } from '../turn-counts-from-rows.js';
import type { Db } from './db.js';


/** Outcome counts of a group of tally rows `x` (attempt_tallies): as summaries count them, reviews applied. */
const TALLY_COUNTS = `SUM(x.success) AS success, SUM(x.failure) AS failure, SUM(x.error) AS error, SUM(x.unscored) AS unscored, SUM(x.reviewed) AS reviewed`;

/** Outcome counts per cell, aggregated in SQL from the run's tallies (nothing per attempt is loaded). */
export function cellCounts(db: Db, runId: string): CellCounts[] {
  // Grouped on the references first, so the names are looked up once per cell rather than once per tally row.
  const rows = db.prepare(
    `SELECT t.name AS technique, t.registry_id AS techniqueId, c.name AS chain, x.category, x.persona, x.success, x.failure, x.error, x.unscored, x.reviewed,
            (SELECT GROUP_CONCAT(s.name ORDER BY s.name) FROM (SELECT DISTINCT s.name FROM json_each(x.scorerRefs) j JOIN components s ON s.ref = j.value) s) AS scorers,
            x.filtered, x.promptTokens, x.completionTokens, x.attackerTokens, x.estimatedAttempts
     FROM (SELECT technique_ref, chain_ref, category, persona, ${TALLY_COUNTS}, json_group_array(DISTINCT scorer_ref) AS scorerRefs,
                  SUM(filtered) AS filtered, SUM(prompt_tokens) AS promptTokens, SUM(completion_tokens) AS completionTokens,
                  SUM(attacker_tokens) AS attackerTokens, SUM(estimated) AS estimatedAttempts
           FROM attempt_tallies x WHERE run_id = ? GROUP BY technique_ref, chain_ref, category, persona) x
       JOIN components t ON t.ref = x.technique_ref JOIN components c ON c.ref = x.chain_ref
     ORDER BY t.name, c.name, x.category, x.persona`,
  ).all(runId) as (CellCounts & { scorers: string | null; promptTokens: number; completionTokens: number; attackerTokens: number; estimatedAttempts: number })[];
  return rows.map(({ scorers, promptTokens, completionTokens, attackerTokens, estimatedAttempts, ...row }) => ({
    ...row, decidingScorers: scorers === null ? [] : scorers.split(','),
    tokens: { prompt: promptTokens, completion: completionTokens, attacker: attackerTokens, estimatedAttempts },
  }));
}

/** Outcome counts per goal. */
export function goalCounts(db: Db, runId: string): GoalCounts[] {
  return db.prepare(
    `SELECT g.name AS goalId, x.category, x.persona, ${TALLY_COUNTS}
     FROM attempt_tallies x JOIN components g ON g.ref = x.goal_ref
     WHERE x.run_id = ? GROUP BY x.goal_ref ORDER BY g.name`,
  ).all(runId) as GoalCounts[];
}

/** Outcome counts per goal × technique × chain (the units a goal-level bootstrap resamples). */
export function goalCellCounts(db: Db, runId: string): GoalCellCounts[] {
  return db.prepare(
    `SELECT g.name AS goalId, t.name AS technique, c.name AS chain, x.category, x.persona, ${TALLY_COUNTS}
     FROM attempt_tallies x JOIN components g ON g.ref = x.goal_ref JOIN components t ON t.ref = x.technique_ref
       JOIN components c ON c.ref = x.chain_ref
     WHERE x.run_id = ? GROUP BY x.goal_ref, x.technique_ref, x.chain_ref ORDER BY g.name, t.name, c.name`,
  ).all(runId) as GoalCellCounts[];
}

/** Metadata of each goal of a run that has any, by goal id (from the goal's stored description). */
export function goalMetadata(db: Db, runId: string): Map<string, Readonly<Record<string, string>>> {
  const rows = db.prepare(
    `SELECT g.name AS goalId, json_extract(g.spec_json, '$.metadata') AS metadata
     FROM (SELECT DISTINCT goal_ref FROM attempt_tallies WHERE run_id = ?) x JOIN components g ON g.ref = x.goal_ref
     WHERE json_extract(g.spec_json, '$.metadata') IS NOT NULL`,
  ).all(runId) as { goalId: string; metadata: string }[];
  return new Map(rows.map((r) => [r.goalId, JSON.parse(r.metadata) as Record<string, string>]));
}


/** For multi-turn techniques: decided attempts, and how many first reached the goal at each target turn. */
export function turnCounts(db: Db, runId: string): TurnCounts[] {
  // reached: -2 for attempts of single-turn techniques, -1 when the goal was never reached.
  const rows = db.prepare(
    `SELECT t.name AS technique, x.persona, x.reached, SUM(x.success + x.failure) AS n
     FROM attempt_tallies x JOIN components t ON t.ref = x.technique_ref
     WHERE x.run_id = ? AND x.reached <> -2
     GROUP BY t.name, x.persona, x.reached HAVING n > 0 ORDER BY t.name, x.persona`,
  ).all(runId) as ReachedRow[];
  return turnCountsFromRows(rows);
}

/** Number of attempts stored for a run. */
export function attemptCount(db: Db, runId: string): number {
  // The tallies count every stored attempt as it is inserted: a sum of thousands of rows, not a scan of a million.
  return (db.prepare('SELECT IFNULL(SUM(success + failure + error + unscored), 0) AS n FROM attempt_tallies WHERE run_id = ?').get(runId) as { n: number }).n;
}

/** When the run's most recently finished stored attempt finished (epoch ms); undefined when none is stored. */
export function lastFinishedAt(db: Db, runId: string): number | undefined {
  return (db.prepare('SELECT MAX(finished_at) AS at FROM attempts WHERE run_id = ?').get(runId) as { at: number | null }).at ?? undefined;
}

/** The components a run's attempts used, as references (from the run's tallies: one row per combination, not per attempt). */
export function runComponents(db: Db, runId: string): ComponentRef[] {
  return db.prepare(
    `SELECT DISTINCT c.kind, COALESCE(c.registry_id, c.name) AS id, c.name AS instance, c.hash FROM attempt_tallies x
     JOIN components c ON c.ref IN (x.goal_ref, x.technique_ref, x.chain_ref, x.scorer_ref)
     WHERE x.run_id = ? ORDER BY c.kind, c.name`,
  ).all(runId) as ComponentRef[];
}

/**
 * Per scorer and persona, over every attempt's final scores: replies read, replies flagged (verdict success), flagged
 * ones another scorer decided, and the categories of the flagged. Scores given mid-conversation (with a turn) are left
 * out. Read from the run's detector tallies, which the attempt writer keeps.
 */
export function detectorCounts(db: Db, runId: string): DetectorCounts[] {
  const rows = db.prepare(
    `SELECT scorer_id AS scorerId, persona, SUM(attempts) AS attempts, SUM(attempts * hit) AS hits, SUM(attempts * (hit AND NOT deciding)) AS hitsNotDeciding,
            json_group_array(DISTINCT CASE WHEN hit THEN category END) AS categories
     FROM detector_tallies WHERE run_id = ?
     GROUP BY scorer_id, persona ORDER BY scorer_id, persona`,
  ).all(runId) as (Omit<DetectorCounts, 'categories'> & { categories: string })[];
  return rows.map((r) => ({ ...r, categories: (JSON.parse(r.categories) as (string | null)[]).filter((c): c is string => c !== null).sort() }));
}

/** Per cell: the judge's decided verdicts over every attempt, and the review sample's human labels by verdict. */
export function sampledCells(db: Db, runId: string): SampleCellCounts[] {
  const sampled = db.prepare(
    `SELECT a.technique_ref, a.chain_ref, a.category, a.persona, COUNT(*) AS drawn,
            SUM(s.stratum = 'success' AND r.verdict = 'success') AS ss, SUM(s.stratum = 'success' AND r.verdict = 'failure') AS sf,
            SUM(s.stratum = 'failure' AND r.verdict = 'success') AS fs, SUM(s.stratum = 'failure' AND r.verdict = 'failure') AS ff
     FROM review_samples s JOIN attempts a ON a.id = s.attempt_id LEFT JOIN reviews r ON r.attempt_id = a.id
     WHERE s.run_id = ? GROUP BY a.technique_ref, a.chain_ref, a.category, a.persona`,
  ).all(runId) as { technique_ref: number; chain_ref: number; category: string; persona: Persona; drawn: number; ss: number; sf: number; fs: number; ff: number }[];
  if (sampled.length === 0) return [];
  const byCell = new Map(sampled.map((c) => [`${c.technique_ref}\u0000${c.chain_ref}\u0000${c.category}\u0000${c.persona}`, c]));
  const cells = db.prepare(
    `SELECT x.technique_ref, x.chain_ref, t.name AS technique, c.name AS chain, x.category, x.persona, x.ms, x.mf
     FROM (SELECT technique_ref, chain_ref, category, persona, SUM(machine_success) AS ms, SUM(machine_failure) AS mf
           FROM attempt_tallies WHERE run_id = ? GROUP BY technique_ref, chain_ref, category, persona) x
       JOIN components t ON t.ref = x.technique_ref JOIN components c ON c.ref = x.chain_ref
     ORDER BY t.name, c.name, x.category, x.persona`,
  ).all(runId) as { technique_ref: number; chain_ref: number; technique: string; chain: string; category: string; persona: Persona; ms: number; mf: number }[];
  return cells.map(({ technique_ref, chain_ref, ms, mf, ...cell }) => {
    const s = byCell.get(`${technique_ref}\u0000${chain_ref}\u0000${cell.category}\u0000${cell.persona}`);
    // A cell none of whose attempts was drawn, or whose drawn attempts are not labeled yet, counts zero labels.
    const n = (v: number | null | undefined): number => v ?? 0;
    return {
      ...cell, drawn: n(s?.drawn), machine: { success: ms, failure: mf },
      labeled: { success: { success: n(s?.ss), failure: n(s?.sf) }, failure: { success: n(s?.fs), failure: n(s?.ff) } },
    };
  });
}
