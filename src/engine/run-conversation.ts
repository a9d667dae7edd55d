import type { Attempt, Turn } from '../core/attempt.js';
import type { ConversationControls, ConversationOutcome, ConversationReply } from '../core/conversation.js';
import type { Message } from '../core/message.js';
import { deriveSeed } from '../core/random.js';
import type { Score } from '../core/score.js';
import { createAttemptBudget } from './budget.js';
import { attemptIdentity, attemptSeed, type PlannedAttempt } from './plan.js';
import { scoreReply, type AttemptContext } from './run-attempt.js';
import { sendWithRetry } from './send-with-retry.js';

type Failure = Extract<ConversationReply, { ok: false }>;

/** Runs a multi-turn technique's conversation to a recordable Attempt, or undefined when the run was stopped. */
export async function runConversation(planned: PlannedAttempt, context: AttemptContext): Promise<Attempt | undefined> {
  const { goal } = planned.goal;
  const { technique } = planned.technique;
  const startedAt = context.clock.now();
  const budget = createAttemptBudget({ limits: context.limits ?? {}, ...(context.runBudget ? { run: context.runBudget } : {}), startedAt });
  const seed = attemptSeed(context.runSeed, planned);
  const conversationId = `${seed.toString(16)}-${planned.seq}`;
  const turns: Turn[] = [];
  let turnsUsed = 0;
  let retries = 0;
  let latencyMs = 0;
  let attackerTokens = 0;
  const usage = { promptTokens: 0, completionTokens: 0 };
  let firstFailure: Failure | undefined;
  const fail = (f: Failure): Failure => (firstFailure ??= f);

  const controls: ConversationControls = {
    goal,
    send: async (messages) => {
      if (context.stop.aborted) return fail({ ok: false, stop: 'stopped', kind: 'stopped', message: 'the run was stopped' });
      const over = budget.beforeTurn({ now: context.clock.now(), turnsUsed });
      if (over !== undefined) return fail({ ok: false, stop: 'budget', kind: 'budget', message: over });
      const last = messages.map((m) => m.role).lastIndexOf('user');
      const sent = messages.map((m, i) => (i === last ? { role: m.role, content: planned.chain.chain.convert(m.content) } : m));
      const result = await sendWithRetry({ messages: sent, seed: deriveSeed(seed, turnsUsed), conversationId }, context);
      turnsUsed += 1;
      if (!result.ok && 'stopped' in result) return fail({ ok: false, stop: 'stopped', kind: 'stopped', message: 'the run was stopped' });
      retries += result.retries;
      latencyMs += result.latencyMs;
      if (!result.ok) return fail({ ok: false, stop: 'error', kind: result.error.kind, message: result.error.message });
      const used = result.response.usage;
      if (used) {
        usage.promptTokens += used.promptTokens;
        usage.completionTokens += used.completionTokens;
        budget.spend(used.promptTokens + used.completionTokens);
      }
      return { ok: true, text: result.response.text };
    },
    askAttacker: async (messages) => {
      if (context.attacker === undefined) return fail({ ok: false, stop: 'error', kind: 'no-attacker', message: 'no attacker target is configured' });
      const over = budget.beforeTurn({ now: context.clock.now(), turnsUsed });
      if (over !== undefined) return fail({ ok: false, stop: 'budget', kind: 'budget', message: over });
      const reply = await context.attacker.ask(messages);
      if (reply.ok) {
        // Helper models report no usage; count characters / 4, the engine's usual estimate.
        const estimate = Math.ceil((messages.reduce((n, m) => n + m.content.length, 0) + reply.text.length) / 4);
        attackerTokens += estimate;
        budget.spend(estimate);
        return { ok: true, text: reply.text };
      }
      return 'stopped' in reply
        ? fail({ ok: false, stop: 'stopped', kind: 'stopped', message: 'the run was stopped' })
        : fail({ ok: false, stop: 'error', kind: `attacker-${reply.error.kind}`, message: reply.error.message });
    },
    judge: (conversation) => judgeWith(context, { goal, conversation }),
    record: (recorded) => {
      turns.push(...recorded);
    },
  };

  let outcome: ConversationOutcome;
  try {
    outcome = await technique.converse!(controls);
  } catch (error) {
    outcome = { transcript: [], backtracks: 0, ended: fail({ ok: false, stop: 'error', kind: 'orchestrator', message: error instanceof Error ? error.message : String(error) }) };
  }
  const ended = outcome.ended ?? firstFailure;
  if (context.stop.aborted || ended?.stop === 'stopped') return undefined;
  const base = {
    ...attemptIdentity(planned), retries, latencyMs, startedAt, turns,
    ...(usage.promptTokens + usage.completionTokens > 0 ? { usage } : {}),
    conversation: { turns: turnsUsed, backtracks: outcome.backtracks, attackerTokens, ...(outcome.reachedAtTurn === undefined ? {} : { reachedAtTurn: outcome.reachedAtTurn }) },
  };
  const reply = outcome.transcript.at(-1);
  // A spent budget or a failed turn ends the attempt as an error, even after a partial conversation: never a verdict.
  if (ended !== undefined || reply === undefined || reply.role !== 'assistant') {
    const why = ended ?? { kind: 'orchestrator', message: 'the conversation ended without a reply from the target' };
    return { ...base, outcome: 'error', scores: [], error: { kind: why.kind, message: why.message }, finishedAt: context.clock.now() };
  }
  const scored = await scoreReply(context, { goal, conversation: outcome.transcript, response: reply.content });
  if (context.stop.aborted) return undefined;
  return { ...base, ...scored, finishedAt: context.clock.now() };
}

async function judgeWith(context: AttemptContext, input: { goal: PlannedAttempt['goal']['goal']; conversation: readonly Message[] }): Promise<Score> {
  const id = context.decidingScorer(input.goal);
  const scorer = context.scorers.find((s) => s.scorer.id === id)?.scorer;
  if (scorer === undefined) return { scorerId: id, verdict: 'unscored', label: 'no-scorer', reason: `scorer ${id} is not configured` };
  try {
    return await scorer.score({ goal: input.goal, conversation: input.conversation, response: input.conversation.at(-1)?.content ?? '' });
  } catch (error) {
    return { scorerId: id, verdict: 'unscored', label: 'scorer-error', reason: `Scorer failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
