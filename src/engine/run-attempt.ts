import type { Attempt } from '../core/attempt.js';
import type { AttemptContext } from './attempt-context.js';
import type { PlannedAttempt } from './plan.js';
import { runConversation } from './run-conversation.js';
import { runSingleTurn } from './run-single-turn.js';

/** Runs one planned attempt to a recordable Attempt, or undefined when the run was stopped mid-way. */
export function runAttempt(planned: PlannedAttempt, context: AttemptContext): Promise<Attempt | undefined> {
  const { technique } = context.components.technique(planned.technique);
  return technique.converse === undefined ? runSingleTurn(planned, context) : runConversation(planned, context);
}
