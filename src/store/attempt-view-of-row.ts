import { scoresOf, turnsOf, type AttemptEvent } from '../core/event.js';
import type { Outcome, Persona, Verdict } from '../core/outcome.js';
import type { AttemptView } from '../core/run-store.js';
import { measuresOf, type MeasuresRow } from './attempt-measures.js';

/** An attempt row as both stores select it for a view: names looked up, the effective outcome computed, its review joined. */
export type AttemptViewRow = MeasuresRow & {
  id: number; seq: number; goal_spec: string; technique: string; chain: string; category: string; persona: Persona; trial: number;
  outcome: Outcome; machine: Outcome; error_kind: string | null; error_message: string | null;
  verdict: Verdict | null; reviewer: string | null; note: string | null;
};

/** An attempt as shown, from its row and its event log. */
export function attemptViewOf(r: AttemptViewRow, log: readonly AttemptEvent[]): AttemptView {
  const goal = JSON.parse(r.goal_spec) as { id: string; text: string };
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
}
