import type { Attempt, AttemptError, ConversationMetrics } from '../core/attempt.js';
import type { AttemptSession } from './attempt-session.js';
import type { PlannedAttempt } from './plan.js';
import type { ScoredReply } from './score-reply.js';

/** The attempt an ended session comes to: scored, or an error (recorded as the log's last event). */
export function finishAttempt(input: {
  planned: PlannedAttempt;
  session: AttemptSession;
  startedAt: number;
  finishedAt: number;
  result: ScoredReply | { readonly error: AttemptError };
  conversation?: ConversationMetrics;
}): Attempt {
  const { planned, session, result } = input;
  if ('error' in result) session.append({ type: 'error', kind: result.error.kind, message: result.error.message });
  else for (const event of result.events) session.append(event);
  const totals = session.totals();
  return {
    seq: planned.seq, trial: planned.trial, goal: planned.goal, technique: planned.technique, chain: planned.chain,
    category: planned.category, persona: planned.persona,
    events: session.events,
    ...('error' in result ? { outcome: 'error' as const, error: result.error } : { outcome: result.outcome, decidedBy: result.decidedBy }),
    retries: totals.retries, latencyMs: totals.latencyMs,
    ...(totals.usage === undefined ? {} : { usage: totals.usage }),
    ...(input.conversation === undefined ? {} : { conversation: input.conversation }),
    startedAt: input.startedAt, finishedAt: input.finishedAt,
  };
}
