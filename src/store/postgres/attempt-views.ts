import type { Outcome } from '../../core/outcome.js';
import type { AttemptView } from '../../core/run-store.js';
import { attemptViewOf, type AttemptViewRow } from '../attempt-view-of-row.js';
import { run, type Pg } from './db.js';
import { eventLogs } from './event-log.js';

/** Joins each attempt `a` to its human review `r`, when it has one. */
export const REVIEW_JOIN = 'LEFT JOIN reviews r ON r.attempt_id = a.id';

/** The outcome summaries count: the human reviewer's verdict when there is one, else the machine's. */
export const EFFECTIVE_OUTCOME = 'COALESCE(r.verdict, a.outcome)';

const COLUMNS = `a.id, a.seq, g.spec_json AS goal_spec, t.name AS technique, c.name AS chain, a.category, a.persona, a.trial,
  ${EFFECTIVE_OUTCOME} AS outcome, a.outcome AS machine, a.error_kind, a.error_message, r.verdict, r.reviewer, r.note,
  a.retries, a.latency_ms, a.prompt_tokens, a.completion_tokens, a.started_at, a.finished_at, a.turns_used, a.backtracks, a.reached_at, a.attacker_tokens, a.usage_estimated`;
const FROM = `FROM attempts a
  JOIN components g ON g.ref = a.goal_ref JOIN components t ON t.ref = a.technique_ref JOIN components c ON c.ref = a.chain_ref
  ${REVIEW_JOIN}`;

async function toViews(db: Pg, rows: readonly AttemptViewRow[]): Promise<AttemptView[]> {
  const logs = await eventLogs(db, { ids: rows.map((r) => r.id) });
  return rows.map((r) => attemptViewOf(r, logs.get(r.id) ?? []));
}

/** Some attempts of a run by plan position, with their logs, in plan order. */
export async function attemptViewsAt(db: Pg, input: { runId: string; seqs: readonly number[] }): Promise<AttemptView[]> {
  if (input.seqs.length === 0) return [];
  const rows = await run<AttemptViewRow>(db, {
    action: `read attempts of run ${input.runId}`, sql: `SELECT ${COLUMNS} ${FROM} WHERE a.run_id = $1 AND a.seq = ANY($2::int[]) ORDER BY a.seq`, params: [input.runId, input.seqs],
  });
  return toViews(db, rows);
}

/** One attempt of a run by its plan position, or undefined when it is not recorded. */
export async function attemptView(db: Pg, input: { runId: string; seq: number }): Promise<AttemptView | undefined> {
  return (await attemptViewsAt(db, { runId: input.runId, seqs: [input.seq] }))[0];
}

/** Attempts of a run after plan position `afterSeq`, in plan order, at most `limit`, optionally of some outcomes only. */
export async function attemptPage(db: Pg, input: { runId: string; afterSeq: number; limit: number; outcomes?: readonly Outcome[] }): Promise<AttemptView[]> {
  const outcomes = input.outcomes ?? [];
  const only = outcomes.length === 0 ? '' : `AND ${EFFECTIVE_OUTCOME} = ANY($4::text[])`;
  const rows = await run<AttemptViewRow>(db, {
    action: `read attempts of run ${input.runId}`,
    sql: `SELECT ${COLUMNS} ${FROM} WHERE a.run_id = $1 AND a.seq > $2 ${only} ORDER BY a.seq LIMIT $3`,
    params: outcomes.length === 0 ? [input.runId, input.afterSeq, input.limit] : [input.runId, input.afterSeq, input.limit, outcomes],
  });
  return toViews(db, rows);
}
