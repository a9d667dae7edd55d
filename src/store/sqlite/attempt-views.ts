import { scoresOf, turnsOf } from '../../core/event.js';
import type { Outcome, Persona, Verdict } from '../../core/outcome.js';
import type { AttemptMeasures, AttemptView } from '../../core/run-store.js';
import { decodeEvent, type StoredEvent } from '../event-codec.js';
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

type CellRef = { technique_ref: number; chain_ref: number; category: string; persona: string };
type ReviewedRow = CellRef & { seq: number; machine: Outcome; verdict: 'success' | 'failure' };

/**
 * Up to `perCell` attempts of each cell, with their logs: the evidence a report shows. Within a cell: attempts that
 * count as successes first (a reviewer's label counts), then those the machine ended in error, then the rest, each
 * in plan order. Read from the cell-and-outcome index a few entries at a time (a cell of a million-attempt run is
 * never scanned), with the run's few reviewed attempts applied on top.
 */
export function exampleAttempts(db: Db, input: { runId: string; perCell: number }): AttemptView[] {
  const n = input.perCell;
  const cells = db.prepare('SELECT DISTINCT technique_ref, chain_ref, category, persona FROM attempt_tallies WHERE run_id = ?').all(input.runId) as CellRef[];
  const reviewed = db.prepare(
    `SELECT a.seq, a.technique_ref, a.chain_ref, a.category, a.persona, a.outcome AS machine, r.verdict
     FROM reviews r CROSS JOIN attempts a ON a.id = r.attempt_id WHERE a.run_id = ?`,
  ).all(input.runId) as ReviewedRow[];
  const first = db.prepare(
    `SELECT seq FROM attempts WHERE run_id = ? AND technique_ref = ? AND chain_ref = ? AND category = ? AND persona = ? AND outcome = ?
     ORDER BY seq LIMIT ?`,
  ).pluck();
  const key = (c: CellRef) => `${c.technique_ref}\u0000${c.chain_ref}\u0000${c.category}\u0000${c.persona}`;
  const reviewedByCell = new Map<string, ReviewedRow[]>();
  for (const r of reviewed) reviewedByCell.set(key(r), [...(reviewedByCell.get(key(r)) ?? []), r]);
  const chosen: number[] = [];
  for (const cell of cells) {
    const mine = reviewedByCell.get(key(cell)) ?? [];
    const effective = new Map(mine.map((r) => [r.seq, r.verdict]));
    // The first seqs of a machine outcome, read past those a label moved to another class.
    const ofMachine = (outcome: Outcome, keep: (seq: number) => boolean): number[] =>
      (first.all(input.runId, cell.technique_ref, cell.chain_ref, cell.category, cell.persona, outcome, n + mine.length) as number[]).filter(keep);
    const bySeq = (seqs: number[]) => seqs.sort((x, y) => x - y);
    // Among successes, those the machine ended in error (a reviewer's success) come first, as the ranking always had it.
    const successes = [
      ...bySeq(mine.filter((r) => r.verdict === 'success' && r.machine === 'error').map((r) => r.seq)),
      ...bySeq([
        ...ofMachine('success', (seq) => effective.get(seq) !== 'failure'),
        ...mine.filter((r) => r.verdict === 'success' && r.machine !== 'success' && r.machine !== 'error').map((r) => r.seq),
      ]),
    ].slice(0, n);
    const errors = ofMachine('error', (seq) => effective.get(seq) !== 'success').slice(0, n - successes.length);
    const rest = bySeq([
      ...ofMachine('failure', (seq) => effective.get(seq) !== 'success'),
      ...ofMachine('unscored', (seq) => effective.get(seq) !== 'success'),
      ...mine.filter((r) => r.verdict === 'failure' && r.machine === 'success').map((r) => r.seq),
    ]).slice(0, n - successes.length - errors.length);
    chosen.push(...successes, ...errors, ...rest);
  }
  const rows: AttemptRow[] = [];
  for (let i = 0; i < chosen.length; i += 500) {
    const batch = chosen.slice(i, i + 500);
    rows.push(...(db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE a.run_id = ? AND a.seq IN (${batch.map(() => '?').join(', ')})`).all(input.runId, ...batch) as AttemptRow[]));
  }
  rows.sort((x, y) => (x.technique < y.technique ? -1 : x.technique > y.technique ? 1 : x.category < y.category ? -1 : x.category > y.category ? 1 : x.seq - y.seq));
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
