import type { Outcome, Persona, Verdict } from '../core/outcome.js';
import type { Role } from '../core/message.js';
import type { CellCounts, GoalCounts } from '../stats/summary.js';
import type { Db } from './open-database.js';


const COUNTS = `SUM(a.outcome = 'success') AS success, SUM(a.outcome = 'failure') AS failure,
  SUM(a.outcome = 'error') AS error, SUM(a.outcome = 'unscored') AS unscored`;

/** Outcome counts per cell, aggregated in SQL (nothing per attempt is loaded). */
export function cellCounts(db: Db, runId: string): CellCounts[] {
  const rows = db.prepare(
    `SELECT t.name AS technique, a.category, a.persona, ${COUNTS},
            (SELECT GROUP_CONCAT(DISTINCT s.name) FROM attempts b JOIN components s ON s.ref = b.scorer_ref
             WHERE b.run_id = a.run_id AND b.technique_ref = a.technique_ref AND b.category = a.category AND b.persona = a.persona) AS scorers
     FROM attempts a JOIN components t ON t.ref = a.technique_ref
     WHERE a.run_id = ? GROUP BY a.technique_ref, a.category, a.persona ORDER BY t.name, a.category`,
  ).all(runId) as (CellCounts & { scorers: string | null })[];
  return rows.map(({ scorers, ...row }) => ({ ...row, decidingScorers: scorers === null ? [] : scorers.split(',') }));
}

/** Outcome counts per goal. */
export function goalCounts(db: Db, runId: string): GoalCounts[] {
  return db.prepare(
    `SELECT g.name AS goalId, a.category, a.persona, ${COUNTS}
     FROM attempts a JOIN components g ON g.ref = a.goal_ref
     WHERE a.run_id = ? GROUP BY a.goal_ref ORDER BY g.name`,
  ).all(runId) as GoalCounts[];
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

/** Number of attempts stored for a run. */
export function attemptCount(db: Db, runId: string): number {
  return (db.prepare('SELECT COUNT(*) AS n FROM attempts WHERE run_id = ?').get(runId) as { n: number }).n;
}

/** A stored attempt with its transcript and scores, for reports. */
export type StoredAttemptView = {
  seq: number; goalId: string; goalText: string; technique: string; chainId: string; category: string; persona: Persona;
  trial: number; outcome: Outcome; error?: string;
  turns: { role: Role; content: string; original?: string; interpreted?: string }[];
  scores: { scorerId: string; verdict: Verdict; label: string; reason: string }[];
};

type AttemptRow = {
  id: number; seq: number; goal_spec: string; technique: string; chain: string; category: string; persona: Persona;
  trial: number; outcome: Outcome; error_kind: string | null; error_message: string | null;
};

/** Up to `perCell` attempts of each cell, successes first, with transcripts: the evidence a report shows. */
export function exampleAttempts(db: Db, input: { runId: string; perCell: number }): StoredAttemptView[] {
  const rows = db.prepare(
    `SELECT * FROM (
       SELECT a.id, a.seq, g.spec_json AS goal_spec, t.name AS technique, c.name AS chain, a.category, a.persona, a.trial,
              a.outcome, a.error_kind, a.error_message,
              ROW_NUMBER() OVER (PARTITION BY a.technique_ref, a.category, a.persona
                                 ORDER BY a.outcome = 'success' DESC, a.outcome = 'error' DESC, a.seq) AS rank
       FROM attempts a
       JOIN components g ON g.ref = a.goal_ref JOIN components t ON t.ref = a.technique_ref JOIN components c ON c.ref = a.chain_ref
       WHERE a.run_id = ?)
     WHERE rank <= ? ORDER BY technique, category, seq`,
  ).all(input.runId, input.perCell) as AttemptRow[];
  const turns = db.prepare('SELECT role, content, original, interpreted FROM turns WHERE attempt_id = ? ORDER BY idx');
  const scores = db.prepare(
    `SELECT c.name AS scorerId, s.verdict, s.label, s.reason FROM scores s JOIN components c ON c.ref = s.scorer_ref
     WHERE s.attempt_id = ? ORDER BY c.name`,
  );
  return rows.map((r) => {
    const goal = JSON.parse(r.goal_spec) as { id: string; text: string };
    const view: StoredAttemptView = {
      seq: r.seq, goalId: goal.id, goalText: goal.text, technique: r.technique, chainId: r.chain, category: r.category,
      persona: r.persona, trial: r.trial, outcome: r.outcome,
      turns: (turns.all(r.id) as { role: Role; content: string; original: string | null; interpreted: string | null }[]).map((t) => ({
        role: t.role,
        content: t.content,
        ...(t.original === null ? {} : { original: t.original }),
        ...(t.interpreted === null ? {} : { interpreted: t.interpreted }),
      })),
      scores: scores.all(r.id) as StoredAttemptView['scores'],
    };
    if (r.error_kind !== null) view.error = `${r.error_kind}: ${r.error_message ?? ''}`;
    return view;
  });
}
