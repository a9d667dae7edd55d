import type { ComponentRef } from '../../core/component-ref.js';
import type { CellCounts, DetectorCounts, GoalCellCounts, GoalCounts, TurnCounts } from '../../core/counts.js';
import type { SampleCellCounts } from '../../core/review-sample.js';
import type { Db } from './db.js';
import { EFFECTIVE_OUTCOME, OUTCOME_COUNTS, REVIEW_JOIN } from './effective-outcome.js';
import type { Persona } from '../../core/outcome.js';
import { CONTENT_FILTER_LABEL } from '../../core/score.js';


/** Outcome counts per cell, aggregated in SQL (nothing per attempt is loaded). */
export function cellCounts(db: Db, runId: string): CellCounts[] {
  const rows = db.prepare(
    `SELECT t.name AS technique, t.registry_id AS techniqueId, c.name AS chain, a.category, a.persona, ${OUTCOME_COUNTS},
            (SELECT GROUP_CONCAT(DISTINCT s.name) FROM attempts b JOIN components s ON s.ref = b.scorer_ref
             WHERE b.run_id = a.run_id AND b.technique_ref = a.technique_ref AND b.chain_ref = a.chain_ref AND b.category = a.category AND b.persona = a.persona) AS scorers,
            (SELECT COUNT(*) FROM attempts b JOIN events e ON e.attempt_id = b.id
             WHERE b.run_id = a.run_id AND b.technique_ref = a.technique_ref AND b.chain_ref = a.chain_ref AND b.category = a.category AND b.persona = a.persona
               AND e.type = 'score' AND json_extract(e.body, '$.deciding') = 1 AND json_extract(e.body, '$.turn') IS NULL
               AND json_extract(e.body, '$.score.label') = '${CONTENT_FILTER_LABEL}') AS filtered,
            COALESCE(SUM(a.prompt_tokens), 0) AS promptTokens, COALESCE(SUM(a.completion_tokens), 0) AS completionTokens,
            COALESCE(SUM(a.attacker_tokens), 0) AS attackerTokens, SUM(a.usage_estimated) AS estimatedAttempts
     FROM attempts a JOIN components t ON t.ref = a.technique_ref JOIN components c ON c.ref = a.chain_ref ${REVIEW_JOIN}
     WHERE a.run_id = ? GROUP BY a.technique_ref, a.chain_ref, a.category, a.persona ORDER BY t.name, c.name, a.category`,
  ).all(runId) as (CellCounts & { scorers: string | null; promptTokens: number; completionTokens: number; attackerTokens: number; estimatedAttempts: number })[];
  return rows.map(({ scorers, promptTokens, completionTokens, attackerTokens, estimatedAttempts, ...row }) => ({
    ...row, decidingScorers: scorers === null ? [] : scorers.split(','),
    tokens: { prompt: promptTokens, completion: completionTokens, attacker: attackerTokens, estimatedAttempts },
  }));
}

/** Outcome counts per goal. */
export function goalCounts(db: Db, runId: string): GoalCounts[] {
  return db.prepare(
    `SELECT g.name AS goalId, a.category, a.persona, ${OUTCOME_COUNTS}
     FROM attempts a JOIN components g ON g.ref = a.goal_ref ${REVIEW_JOIN}
     WHERE a.run_id = ? GROUP BY a.goal_ref ORDER BY g.name`,
  ).all(runId) as GoalCounts[];
}

/** Outcome counts per goal × technique × chain (the units a goal-level bootstrap resamples). */
export function goalCellCounts(db: Db, runId: string): GoalCellCounts[] {
  return db.prepare(
    `SELECT g.name AS goalId, t.name AS technique, c.name AS chain, a.category, a.persona, ${OUTCOME_COUNTS}
     FROM attempts a JOIN components g ON g.ref = a.goal_ref JOIN components t ON t.ref = a.technique_ref
       JOIN components c ON c.ref = a.chain_ref ${REVIEW_JOIN}
     WHERE a.run_id = ? GROUP BY a.goal_ref, a.technique_ref, a.chain_ref ORDER BY g.name, t.name, c.name`,
  ).all(runId) as GoalCellCounts[];
}

/** Metadata of each goal of a run that has any, by goal id (from the goal's stored description). */
export function goalMetadata(db: Db, runId: string): Map<string, Readonly<Record<string, string>>> {
  const rows = db.prepare(
    `SELECT DISTINCT g.name AS goalId, json_extract(g.spec_json, '$.metadata') AS metadata
     FROM attempts a JOIN components g ON g.ref = a.goal_ref
     WHERE a.run_id = ? AND json_extract(g.spec_json, '$.metadata') IS NOT NULL`,
  ).all(runId) as { goalId: string; metadata: string }[];
  return new Map(rows.map((r) => [r.goalId, JSON.parse(r.metadata) as Record<string, string>]));
}


/** For multi-turn techniques: decided attempts, and how many first reached the goal at each target turn. */
export function turnCounts(db: Db, runId: string): TurnCounts[] {
  const rows = db.prepare(
    `SELECT t.name AS technique, a.persona, a.reached_at AS reached, COUNT(*) AS n
     FROM attempts a JOIN components t ON t.ref = a.technique_ref ${REVIEW_JOIN}
     WHERE a.run_id = ? AND a.turns_used IS NOT NULL AND ${EFFECTIVE_OUTCOME} IN ('success', 'failure')
     GROUP BY t.name, a.persona, a.reached_at ORDER BY t.name, a.persona`,
  ).all(runId) as { technique: string; persona: Persona; reached: number | null; n: number }[];
  const byKey = new Map<string, { technique: string; persona: Persona; decided: number; reachedAt: Record<number, number> }>();
  for (const r of rows) {
    const key = `${r.technique}\u0000${r.persona}`;
    const entry = byKey.get(key) ?? { technique: r.technique, persona: r.persona, decided: 0, reachedAt: {} };
    entry.decided += r.n;
    if (r.reached !== null) entry.reachedAt[r.reached] = (entry.reachedAt[r.reached] ?? 0) + r.n;
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/** Number of attempts stored for a run. */
export function attemptCount(db: Db, runId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM attempts WHERE run_id = ?').get(runId) as { n: number }).n;
}

/** When the run's most recently finished stored attempt finished (epoch ms); undefined when none is stored. */
export function lastFinishedAt(db: Db, runId: string): number | undefined {
  return (db.prepare('SELECT MAX(finished_at) AS at FROM attempts WHERE run_id = ?').get(runId) as { at: number | null }).at ?? undefined;
}

/** The components a run's attempts used, as references. */
export function runComponents(db: Db, runId: string): ComponentRef[] {
  return db.prepare(
    `SELECT DISTINCT c.kind, COALESCE(c.registry_id, c.name) AS id, c.name AS instance, c.hash FROM attempts a
     JOIN components c ON c.ref IN (a.goal_ref, a.technique_ref, a.chain_ref, a.scorer_ref)
     WHERE a.run_id = ? ORDER BY c.kind, c.name`,
  ).all(runId) as ComponentRef[];
}

/**
 * Per scorer and persona, over every attempt's final scores: replies read, replies flagged (verdict success), flagged
 * ones another scorer decided, and the categories of the flagged. Scores given mid-conversation (with a turn) are left out.
 */
export function detectorCounts(db: Db, runId: string): DetectorCounts[] {
  const rows = db.prepare(
    `SELECT scorer AS scorerId, persona, COUNT(*) AS attempts, SUM(hit) AS hits, SUM(hit AND NOT deciding) AS hitsNotDeciding,
            json_group_array(DISTINCT CASE WHEN hit THEN category END) AS categories
     FROM (
       SELECT a.persona, a.category, json_extract(e.body, '$.score.scorerId') AS scorer,
              MAX(json_extract(e.body, '$.score.verdict') = 'success') AS hit, MAX(json_extract(e.body, '$.deciding') = 1) AS deciding
       FROM attempts a JOIN events e ON e.attempt_id = a.id
       WHERE a.run_id = ? AND e.type = 'score' AND json_extract(e.body, '$.turn') IS NULL
       GROUP BY a.id, scorer
     )
     GROUP BY scorer, persona ORDER BY scorer, persona`,
  ).all(runId) as (Omit<DetectorCounts, 'categories'> & { categories: string })[];
  return rows.map((r) => ({ ...r, categories: (JSON.parse(r.categories) as (string | null)[]).filter((c): c is string => c !== null).sort() }));
}

/** Per cell: the judge's decided verdicts over every attempt, and the review sample's human labels by verdict. */
export function sampledCells(db: Db, runId: string): SampleCellCounts[] {
  const rows = db.prepare(
    `SELECT t.name AS technique, c.name AS chain, a.category, a.persona,
            SUM(a.outcome = 'success') AS ms, SUM(a.outcome = 'failure') AS mf, COUNT(s.attempt_id) AS drawn,
            SUM(s.stratum = 'success' AND r.verdict = 'success') AS ss, SUM(s.stratum = 'success' AND r.verdict = 'failure') AS sf,
            SUM(s.stratum = 'failure' AND r.verdict = 'success') AS fs, SUM(s.stratum = 'failure' AND r.verdict = 'failure') AS ff
     FROM attempts a JOIN components t ON t.ref = a.technique_ref JOIN components c ON c.ref = a.chain_ref
       LEFT JOIN review_samples s ON s.attempt_id = a.id ${REVIEW_JOIN}
     WHERE a.run_id = ? AND EXISTS (SELECT 1 FROM review_samples x WHERE x.run_id = a.run_id)
     GROUP BY a.technique_ref, a.chain_ref, a.category, a.persona ORDER BY t.name, c.name, a.category`,
  ).all(runId) as { technique: string; chain: string; category: string; persona: SampleCellCounts['persona']; drawn: number; ms: number; mf: number; ss: number; sf: number; fs: number; ff: number }[];
  return rows.map(({ ms, mf, ss, sf, fs, ff, ...cell }) => ({
    ...cell, machine: { success: ms, failure: mf }, labeled: { success: { success: ss, failure: sf }, failure: { success: fs, failure: ff } },
  }));
}
