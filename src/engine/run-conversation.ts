import type { Attempt } from '../core/attempt.js';
import type { ConversationControls, ConversationOutcome } from '../core/conversation.js';
import { LimiterError } from '../core/errors.js';
import type { Goal } from '../core/goal.js';
import type { Message } from '../core/message.js';
import { replyReading } from '../core/reply-reading.js';
import type { Score } from '../core/score.js';
import { attemptGoal, type AttemptContext } from './attempt-context.js';
import { createAttemptSession, type SessionFailure } from './attempt-session.js';
import { finishAttempt } from './finish-attempt.js';
import { attemptSeed, type PlannedAttempt } from './plan.js';
import { safeScore, scoreReply } from './score-reply.js';

/** Runs a multi-turn technique's conversation to a recordable Attempt, or undefined when the run was stopped. */
export async function runConversation(planned: PlannedAttempt, context: AttemptContext): Promise<Attempt | undefined> {
  const startedAt = context.clock.now();
  const goal = attemptGoal(context, planned);
  const { technique } = context.components.technique(planned.technique);
  const { chain } = context.components.chain(planned.chain);
  const session = createAttemptSession({ context, chain, seed: attemptSeed(context.runSeed, planned), seq: planned.seq, multiTurn: true, startedAt });
  let attackerTokens = 0;
  let firstFailure: SessionFailure | undefined;
  const fail = (f: SessionFailure): SessionFailure => (firstFailure ??= f);
  // Whether the latest reply was blocked by the target's content filter (its categories), for scoring the final one.
  let lastBlocked: string | undefined;
  const controls: ConversationControls = {
    goal,
    send: async (messages, options) => {
      const reply = await session.send(messages, options);
      lastBlocked = reply.ok ? reply.blocked : undefined;
      return reply.ok ? { ok: true, text: reply.text, ...(reply.parts === undefined ? {} : { parts: reply.parts }) } : fail(reply);
    },
    askAttacker: async (messages) => {
      if (context.attacker === undefined) return fail({ ok: false, stop: 'error', kind: 'no-attacker', message: 'no attacker model is configured' });
      const over = session.budget.beforeTurn({ now: context.clock.now(), turnsUsed: session.totals().turns });
      if (over !== undefined) return fail({ ok: false, stop: 'budget', kind: 'budget', message: over });
      const started = performance.now();
      const reply = await context.attacker.ask(messages);
      if (!reply.ok && 'stopped' in reply) return fail({ ok: false, stop: 'stopped', kind: 'stopped', message: 'the run was stopped' });
      const latencyMs = performance.now() - started;
      const request = { messages: messages.length, documents: 0 };
      if (!reply.ok) {
        session.append({ type: 'target-call', model: 'attacker', ok: false, latencyMs, retries: 0, request, error: { kind: reply.error.kind, message: reply.error.message } });
        return fail({ ok: false, stop: 'error', kind: `attacker-${reply.error.kind}`, message: reply.error.message });
      }
      // Helper models report no usage here; count characters / 4, the engine's usual estimate.
      const promptTokens = Math.ceil(messages.reduce((n, m) => n + m.content.length, 0) / 4);
      const completionTokens = Math.ceil(reply.text.length / 4);
      attackerTokens += promptTokens + completionTokens;
      session.budget.spendUsage('attacker', { promptTokens, completionTokens, estimated: true });
      session.append({ type: 'target-call', model: 'attacker', ok: true, latencyMs, retries: 0, request });
      return { ok: true, text: reply.text };
    },
    judge: async (conversation) => {
      const score = await judgeWith(context, { goal, conversation });
      session.append({ type: 'score', score, deciding: true, turn: session.totals().turns });
      return score;
    },
    prune: (node) => session.prune(node),
    rollBack: () => session.rollBack(),
    recordUnsent: (message, options) => session.recordUnsent(message, options),
  };
  let outcome: ConversationOutcome;
  try {
    outcome = await technique.converse!(controls);
  } catch (error) {
    // The limiter failing is not the conversation's outcome: the execution fails, as for a single-turn attempt.
    if (error instanceof LimiterError) throw error;
    outcome = { transcript: [], backtracks: 0, ended: fail({ ok: false, stop: 'error', kind: 'orchestrator', message: error instanceof Error ? error.message : String(error) }) };
  }
  const ended = outcome.ended ?? firstFailure;
  if (context.stop.aborted || ended?.stop === 'stopped') return undefined;
  const metrics = {
    turns: session.totals().turns, backtracks: outcome.backtracks, attackerTokens,
    ...(outcome.reachedAtTurn === undefined ? {} : { reachedAtTurn: outcome.reachedAtTurn }),
  };
  const reply = outcome.transcript.at(-1);
  const finish = (result: Parameters<typeof finishAttempt>[0]['result']): Attempt =>
    finishAttempt({ planned, session, startedAt, finishedAt: context.clock.now(), result, conversation: metrics });
  // A spent budget or a failed turn ends the attempt as an error, even after a partial conversation: never a verdict.
  if (ended !== undefined || reply === undefined || reply.role !== 'assistant') {
    const why = ended ?? { kind: 'orchestrator', message: 'the conversation ended without a reply from the target' };
    return finish({ error: { kind: why.kind, message: why.message } });
  }
  const scored = await scoreReply(context, { goal, conversation: outcome.transcript, response: replyReading({ text: reply.content, ...(reply.parts === undefined ? {} : { parts: reply.parts }) }), ...(reply.parts === undefined ? {} : { parts: reply.parts }) }, reply.content === '' ? lastBlocked : undefined);
  if (context.stop.aborted) return undefined;
  return finish(scored);
}

/** The deciding scorer's judgement of a conversation so far. */
async function judgeWith(context: AttemptContext, input: { goal: Goal; conversation: readonly Message[] }): Promise<Score> {
  const { scorer } = context.decidingScorer(input.goal);
  return safeScore(scorer, { goal: input.goal, conversation: input.conversation, response: input.conversation.at(-1)?.content ?? '' });
}

