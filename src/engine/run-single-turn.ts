import type { Attempt } from '../core/attempt.js';
import type { Message } from '../core/message.js';
import { attemptGoal, type AttemptContext } from './attempt-context.js';
import { createAttemptSession } from './attempt-session.js';
import { finishAttempt } from './finish-attempt.js';
import { attemptSeed, type PlannedAttempt } from './plan.js';
import { scoreReply } from './score-reply.js';

/** Runs a single-turn attempt to a recordable Attempt, or undefined when the run was stopped mid-way. */
export async function runSingleTurn(planned: PlannedAttempt, context: AttemptContext): Promise<Attempt | undefined> {
  const startedAt = context.clock.now();
  const goal = attemptGoal(context, planned);
  const { technique } = context.components.technique(planned.technique);
  const { chain } = context.components.chain(planned.chain);
  const session = createAttemptSession({
    context, chain, seed: attemptSeed(context.runSeed, planned), seq: planned.seq, multiTurn: false, startedAt,
    ...(technique.translateTo === undefined ? {} : { translateTo: technique.translateTo }),
  });
  const prompt = technique.build(goal);
  const reply = await session.send(prompt.messages, prompt.documents === undefined ? {} : { documents: prompt.documents });
  if (!reply.ok && reply.stop === 'stopped') return undefined;
  if (!reply.ok) {
    return finishAttempt({ planned, session, startedAt, finishedAt: context.clock.now(), result: { error: { kind: reply.kind, message: reply.message } } });
  }
  // Scorers read the conversation as the technique meant it: the turns before conversion, the reply as interpreted.
  const conversation: Message[] = [...prompt.messages.map(({ role, content }) => ({ role, content })), { role: 'assistant', content: reply.read }];
  const scored = await scoreReply(context, { goal, conversation, response: reply.read, ...(reply.parts === undefined ? {} : { parts: reply.parts }) }, reply.blocked);
  // Stopped while scoring (a judge call cut short): drop it, so a resume runs it again instead of keeping 'unscored'.
  if (context.stop.aborted) return undefined;
  return finishAttempt({ planned, session, startedAt, finishedAt: context.clock.now(), result: scored });
}
