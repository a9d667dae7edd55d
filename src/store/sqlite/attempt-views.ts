import { scoresOf, turnsOf } from '../../core/event.js';
import type { Outcome, Persona, Verdict } from '../../core/outcome.js';
import type { AttemptMeasures, AttemptView } from '../../core/run-store.js';
import { decodeEvent, type StoredEvent } from './event-codec.js';
import { EFFECTIVE_OUTCOME, REVIEW_JOIN } from './effective-outcome.js';
import type { Db } from './db.js';

type AttemptRow = {
  id: number; seq: number; goal_spec: string; technique: string; chain: string; category: string; persona: Persona; trial: number;
  outcome: Outcome; machine: Outcome; error_kind: string | null; error_message: string | null;
  verdict: Verdict | null; reviewer: string | null; note: string | null;
  retries: number; latency_ms: number; prompt_tokens: number | null; completion_tokens: number | null; started_at: number; finished_at: number;
  turns_used: number | null; backtracks: number | null; reached_at: number | null; attacker_tokens: number | null; usage_estimated: number;
};

const COLUMNS = `a.id, a.seq, g.spec_json AS goal_spec, t.name AS technique, c.name AS chain, a.category, a.persona, a.trial,
  ${EFFECTIVE_OUTCOME} AS outcome, a.outcome AS machine, a.error_kind, a.error_message, r.verdict, r.reviewer, r.note,
  a.retries, a.latency_ms, a.prompt_tokens, a.completion_tokens, a.started_at, a.finished_at, a.turns_used, a.backtracks, a.reached_at, a.attacker_tokens, a.usage_estimated`;
const FROM = `FROM attempts a
  JOIN components g ON g.ref = a.goal_ref JOIN components t ON t.ref = a.technique_ref JOIN components c ON c.ref = a.chain_ref
  ${REVIEW_JOIN}`;

function toViews(db: Db, rows: readonly AttemptRow[]): AttemptView[] {
  const events = db.prepare('SELECT type, body FROM events WHERE attempt_id = ? ORDER BY idx');
  return rows.map((r) => {
    const goal = JSON.parse(r.goal_spec) as { id: string; text: string };
    const log = (events.all(r.id) as StoredEvent[]).map(decodeEvent);
    return {
      seq: r.seq, goalId: goal.id, goalText: goal.text, technique: r.technique, chainId: r.chain, category: r.category,
      persona: r.persona, trial: r.trial, outcome: r.outcome, machineOutcome: r.machine,
      ...(r.error_kind === null ? {} : { error: `${r.error_kind}: ${r.error_message ?? ''}` }),
      ...(r.verdict === null ? {} : { review: { verdict: r.verdict, ...(r.reviewer === null ? {} : { reviewer: r.reviewer }), ...(r.note === null ? {} : { note: r.note }) } }),
      events: log,
      turns: turnsOf(log),
      scores: scoresOf(log),
      measures: measuresOf(r),
    };
  });
}

function measuresOf(r: AttemptRow): AttemptMeasures {
  return {
    retries: r.retries, latencyMs: r.latency_ms, startedAt: r.started_at, finishedAt: r.finished_at,
    ...(r.prompt_tokens === null || r.completion_tokens === null ? {} : { usage: { promptTokens: r.prompt_tokens, completionTokens: r.completion_tokens, ...(r.usage_estimated === 1 ? { estimated: true } : {}) } }),
    ...(r.turns_used === null ? {} : {
      conversation: { turns: r.turns_used, backtracks: r.backtracks ?? 0, attackerTokens: r.attacker_tokens ?? 0, ...(r.reached_at === null ? {} : { reachedAtTurn: r.reached_at }) },
    }),
  };
}

/** Up to `perCell` attempts of each cell, successes first, with their logs: the evidence a report shows. */
export function exampleAttempts(db: Db, input: { runId: string; perCell: number }): AttemptView[] {
  const rows = db.prepare(
    `SELECT * FROM (
       SELECT ${COLUMNS},
              ROW_NUMBER() OVER (PARTITION BY a.technique_ref, a.chain_ref, a.category, a.persona
                                 ORDER BY ${EFFECTIVE_OUTCOME} = 'success' DESC, a.outcome = 'error' DESC, a.seq) AS rank
       ${FROM}
       WHERE a.run_id = ?)
     WHERE rank <= ? ORDER BY technique, category, seq`,
  ).all(input.runId, input.perCell) as AttemptRow[];
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
