import type { Role } from '../core/message.js';
import type { Outcome, Persona, Verdict } from '../core/outcome.js';
import { EFFECTIVE_OUTCOME, REVIEW_JOIN } from './effective-outcome.js';
import type { Db } from './open-database.js';

/** A stored attempt with its transcript, scores and human review, for reports and `redline attempt`. */
export type StoredAttemptView = {
  seq: number; goalId: string; goalText: string; technique: string; chainId: string; category: string; persona: Persona;
  trial: number;
  /** The outcome summaries count: the reviewer's verdict when reviewed, else the machine's. */
  outcome: Outcome;
  /** The machine's outcome, as the deciding scorer gave it. */
  machineOutcome: Outcome;
  error?: string;
  review?: { verdict: Verdict; reviewer?: string; note?: string };
  turns: { role: Role; content: string; original?: string; interpreted?: string; source?: string; node?: string; pruned?: boolean }[];
  scores: { scorerId: string; verdict: Verdict; label: string; reason: string }[];
};

type AttemptRow = {
  id: number; seq: number; goal_spec: string; technique: string; chain: string; category: string; persona: Persona; trial: number;
  outcome: Outcome; machine: Outcome; error_kind: string | null; error_message: string | null;
  verdict: Verdict | null; reviewer: string | null; note: string | null;
};

const COLUMNS = `a.id, a.seq, g.spec_json AS goal_spec, t.name AS technique, c.name AS chain, a.category, a.persona, a.trial,
  ${EFFECTIVE_OUTCOME} AS outcome, a.outcome AS machine, a.error_kind, a.error_message, r.verdict, r.reviewer, r.note`;
const FROM = `FROM attempts a
  JOIN components g ON g.ref = a.goal_ref JOIN components t ON t.ref = a.technique_ref JOIN components c ON c.ref = a.chain_ref
  ${REVIEW_JOIN}`;

function toViews(db: Db, rows: readonly AttemptRow[]): StoredAttemptView[] {
  const turns = db.prepare('SELECT role, content, original, interpreted, source, node, pruned FROM turns WHERE attempt_id = ? ORDER BY idx');
  const scores = db.prepare(
    `SELECT c.name AS scorerId, s.verdict, s.label, s.reason FROM scores s JOIN components c ON c.ref = s.scorer_ref
     WHERE s.attempt_id = ? ORDER BY c.name`,
  );
  return rows.map((r) => {
    const goal = JSON.parse(r.goal_spec) as { id: string; text: string };
    const view: StoredAttemptView = {
      seq: r.seq, goalId: goal.id, goalText: goal.text, technique: r.technique, chainId: r.chain, category: r.category,
      persona: r.persona, trial: r.trial, outcome: r.outcome, machineOutcome: r.machine,
      turns: (turns.all(r.id) as { role: Role; content: string; original: string | null; interpreted: string | null; source: string | null; node: string | null; pruned: number }[]).map((t) => ({
        role: t.role,
        content: t.content,
        ...(t.original === null ? {} : { original: t.original }),
        ...(t.interpreted === null ? {} : { interpreted: t.interpreted }),
        ...(t.source === null ? {} : { source: t.source }),
        ...(t.node === null ? {} : { node: t.node }),
        ...(t.pruned === 1 ? { pruned: true } : {}),
      })),
      scores: scores.all(r.id) as StoredAttemptView['scores'],
    };
    if (r.error_kind !== null) view.error = `${r.error_kind}: ${r.error_message ?? ''}`;
    if (r.verdict !== null) view.review = { verdict: r.verdict, ...(r.reviewer === null ? {} : { reviewer: r.reviewer }), ...(r.note === null ? {} : { note: r.note }) };
    return view;
  });
}

/** Up to `perCell` attempts of each cell, successes first, with transcripts: the evidence a report shows. */
export function exampleAttempts(db: Db, input: { runId: string; perCell: number }): StoredAttemptView[] {
  const rows = db.prepare(
    `SELECT * FROM (
       SELECT ${COLUMNS},
              ROW_NUMBER() OVER (PARTITION BY a.technique_ref, a.category, a.persona
                                 ORDER BY ${EFFECTIVE_OUTCOME} = 'success' DESC, a.outcome = 'error' DESC, a.seq) AS rank
       ${FROM}
       WHERE a.run_id = ?)
     WHERE rank <= ? ORDER BY technique, category, seq`,
  ).all(input.runId, input.perCell) as AttemptRow[];
  return toViews(db, rows);
}

/** One attempt of a run by its plan position, or undefined when it is not recorded. */
export function attemptView(db: Db, input: { runId: string; seq: number }): StoredAttemptView | undefined {
  const rows = db.prepare(`SELECT ${COLUMNS} ${FROM} WHERE a.run_id = ? AND a.seq = ?`).all(input.runId, input.seq) as AttemptRow[];
  return toViews(db, rows)[0];
}
