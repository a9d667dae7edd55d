import type { Attempt } from '../core/attempt.js';
import type { ComponentRef } from '../core/component-ref.js';
import type { AttemptEvent } from '../core/event.js';
import type { Outcome, Persona } from '../core/outcome.js';
import { measuresOf, type MeasuresRow } from './attempt-measures.js';

/** An attempt's own row, its components by reference (ref numbers of the components table). */
export type AttemptRecordRow = MeasuresRow & {
  id: number; seq: number; trial: number; goal_ref: number; technique_ref: number; chain_ref: number; scorer_ref: number | null;
  category: string; persona: Persona; outcome: Outcome; error_kind: string | null; error_message: string | null;
};

/** An attempt as the writer took it, from its row, its components (looked up by ref) and its event log. */
export function attemptOfRecord(r: AttemptRecordRow, input: { ref: (ref: number) => ComponentRef; events: readonly AttemptEvent[] }): Attempt {
  const { ref } = input;
  const { retries, latencyMs, usage, conversation, startedAt, finishedAt } = measuresOf(r);
  return {
    seq: r.seq, trial: r.trial, goal: ref(r.goal_ref), technique: ref(r.technique_ref), chain: ref(r.chain_ref),
    category: r.category, persona: r.persona, outcome: r.outcome,
    events: input.events,
    ...(r.scorer_ref === null ? {} : { decidedBy: ref(r.scorer_ref) }),
    ...(r.error_kind === null ? {} : { error: { kind: r.error_kind, message: r.error_message ?? '' } }),
    retries, latencyMs,
    ...(usage === undefined ? {} : { usage }),
    ...(conversation === undefined ? {} : { conversation }),
    startedAt, finishedAt,
  };
}
