import type { Outcome } from '../../core/outcome.js';
import type { AttemptView } from '../../core/run-store.js';
import { attemptViewOf, type AttemptViewRow } from '../attempt-view-of-row.js';
import { decodeEvent, type StoredEvent } from '../event-codec.js';
import { exampleOrder, pickExamples, type ExampleCell, type ReviewedAttempt } from '../pick-examples.js';
import { EFFECTIVE_OUTCOME, REVIEW_JOIN } from './effective-outcome.js';
import type { Db } from './db.js';

/** SQLite keeps booleans as 0/1. */
type AttemptRow = Omit<AttemptViewRow, 'usage_estimated'> & { usage_estimated: number };

const COLUMNS = `a.id, a.seq, g.spec_json AS goal_spec, t.name AS technique, c.name AS chain, a.category, a.persona, a.trial,
  ${EFFECTIVE_OUTCOME} AS outcome, a.outcome AS machine, a.error_kind, a.error_message, r.verdict, r.reviewer, r.note,
  a.retries, a.latency_ms, a.prompt_tokens, a.completion_tokens, a.started_at, a.finished_at, a.turns_used, a.backtracks, a.reached_at, a.attacker_tokens, a.usage_estimated`;
const FROM = `FROM attempts a
  JOIN components g ON g.ref = a.goal_ref JOIN components t ON t.ref = a.technique_ref JOIN components c ON c.ref = a.chain_ref
  ${REVIEW_JOIN}`;

function toViews(db: Db, rows: readonly AttemptRow[]): AttemptView[] {
  const events = db.prepare('SELECT type, body FROM events WHERE attempt_id = ? ORDER BY idx');
  return rows.map((r) => attemptViewOf({ ...r, usage_estimated: r.usage_estimated === 1 }, (events.all(r.id) as StoredEvent[]).map(decodeEvent)));
}

/**
 * Up to `perCell` attempts of each cell, with their logs: the evidence a report shows. Within a cell: attempts that
 * count as successes first (a reviewer's label counts), then those the machine ended in error, then the rest, each
 * in plan order. Read from the cell-and-outcome index a few entries at a time (a cell of a million-attempt run is
 * never scanned), with the run's few reviewed attempts applied on top.
 */
export function exampleAttempts(db: Db, input: { runId: string; perCell: number }): AttemptView[] {
  const cells = db.prepare('SELECT DISTINCT technique_ref, chain_ref, category, persona FROM attempt_tallies WHERE run_id = ?').all(input.runId) as ExampleCell[];
  const reviewed = db.prepare(
    `SELECT a.seq, a.technique_ref, a.chain_ref, a.category, a.persona, a.outcome AS machine, r.verdict
     FROM reviews r CROSS JOIN attempts a ON a.id = r.attempt_id WHERE a.run_id = ?`,
  ).all(input.runId) as ReviewedAttempt[];
  const first = db.prepare(
    `SELECT seq FROM attempts WHERE run_id = ? AND technique_ref = ? AND chain_ref = ? AND category = ? AND persona = ? AND outcome = ?
     ORDER BY seq LIMIT ?`,
  ).pluck();
  const chosen = pickExamples({
    perCell: input.perCell,
    cells,
    reviewed,
    firstSeqs: (cell, outcome, limit) => first.all(input.runId, cell.technique_ref, cell.chain_ref, cell.category, cell.persona, outcome, limit) as number[],
  });
  const rows: AttemptRow[] = [];
  for (let i = 0; i < chosen.length; i += 500) {
    const batch = chosen.slice(i, i + 500);
    rows.push(...(db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE a.run_id = ? AND a.seq IN (${batch.map(() => '?').join(', ')})`).all(input.runId, ...batch) as AttemptRow[]));
  }
  rows.sort(exampleOrder);
  return toViews(db, rows);
}

/** One attempt of a run by its plan position, or undefined when it is not recorded. */
export function attemptView(db: Db, input: { runId: string; seq: number }): AttemptView | undefined {
  const rows = db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE a.run_id = ? AND a.seq = ?`).all(input.runId, input.seq) as AttemptRow[];
  return toViews(db, rows)[0];
}

/** Attempts of a run after plan position `afterSeq`, in plan order, at most `limit`, optionally of some outcomes only. */
export function attemptPage(db: Db, input: { runId: string; afterSeq: number; limit: number; outcomes?: readonly Outcome[] }): AttemptView[] {
  const outcomes = input.outcomes ?? [];
  const only = outcomes.length === 0 ? '' : `AND ${EFFECTIVE_OUTCOME} IN (${outcomes.map(() => '?').join(', ')})`;
  const rows = db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE a.run_id = ? AND a.seq > ? ${only} ORDER BY a.seq LIMIT ?`)
    .all(input.runId, input.afterSeq, ...outcomes, input.limit) as AttemptRow[];
  return toViews(db, rows);
}
