import type { AttemptListItem } from '../core/attempt-query.js';
import type { Outcome, Persona } from '../core/outcome.js';
import type { AttemptSnippet } from './attempt-snippet.js';

/** A row of an attempt list query, as both stores select it (names looked up, the effective outcome computed). */
export type AttemptListRow = {
  id: number; seq: number; goal: string; technique: string; chain: string; category: string; persona: Persona; trial: number;
  outcome: Outcome; machine: Outcome; decided: string | null; verdict: 'success' | 'failure' | null; error_kind: string | null; latency_ms: number;
};

/** A list row as the attempt list shows it; an attempt without a snippet shows empty prompt and reply. */
export function attemptListItem(row: AttemptListRow, snippet: AttemptSnippet | undefined): AttemptListItem {
  return {
    seq: row.seq, goalId: row.goal, technique: row.technique, chain: row.chain, category: row.category, persona: row.persona, trial: row.trial,
    outcome: row.outcome, machineOutcome: row.machine, latencyMs: row.latency_ms,
    ...(row.decided === null ? {} : { decidedBy: row.decided }),
    ...(row.verdict === null ? {} : { review: row.verdict }),
    ...(row.error_kind === null ? {} : { errorKind: row.error_kind }),
    prompt: snippet?.prompt ?? '', reply: snippet?.reply ?? '',
  };
}
