import type { Attempt, Turn } from '../core/attempt.js';
import type { Goal } from '../core/goal.js';
import type { Message } from '../core/message.js';
import { deriveSeed } from '../core/random.js';
import type { Score, Scorer } from '../core/score.js';
import type { Technique } from '../core/technique.js';
import type { ConverterChain } from '../converters/chain.js';
import type { PlannedAttempt } from './plan.js';
import type { Clock } from './clock.js';
import { sendWithRetry, type SendContext } from './send-with-retry.js';

/** A scorer with its content hash. */
export type PreparedScorer = { readonly scorer: Scorer; readonly hash: string };

/** What running one attempt needs. */
export type AttemptContext = SendContext & {
  /** Every scorer of the run; each reply gets every score. */
  readonly scorers: readonly PreparedScorer[];
  /** Id of the scorer that decides a goal's outcome. */
  readonly decidingScorer: (goal: Goal) => string;
  /** The run's seed. */
  readonly runSeed: number;
  /** Wall clock for timestamps. */
  readonly clock: Clock;
};

/** Applies the converter chain to the last user turn, keeping the original text beside it. */
function convertTurns(messages: readonly Message[], convert: (text: string) => string, identity: boolean): Turn[] {
  const last = messages.map((m) => m.role).lastIndexOf('user');
  return messages.map((m, i) => {
    if (i !== last || identity) return { role: m.role, content: m.content };
    const content = convert(m.content);
    return content === m.content ? { role: m.role, content } : { role: m.role, content, original: m.content };
  });
}

/** The turns and documents an attempt sends: the technique's prompt with the chain applied to the last user turn. */
export function attemptPrompt(input: { goal: Goal; technique: Technique; chain: ConverterChain }): { turns: Turn[]; documents?: readonly string[] } {
  const prompt = input.technique.build(input.goal);
  const turns = convertTurns(prompt.messages, input.chain.convert, input.chain.steps.length === 0);
  return prompt.documents === undefined ? { turns } : { turns, documents: prompt.documents };
}

async function safeScore(scorer: Scorer, input: Parameters<Scorer['score']>[0]): Promise<Score> {
  try {
    return await scorer.score(input);
  } catch (error) {
    // A scorer that fails says so as `unscored`; it never turns a reply into a lost attempt.
    const message = error instanceof Error ? error.message : String(error);
    return { scorerId: scorer.id, verdict: 'unscored', label: 'scorer-error', reason: `Scorer failed: ${message}` };
  }
}

/** Runs one planned attempt to a recordable Attempt, or undefined when the run was stopped mid-way. */
export async function runAttempt(planned: PlannedAttempt, context: AttemptContext): Promise<Attempt | undefined> {
  const startedAt = context.clock.now();
  const { goal } = planned.goal;
  const prompt = attemptPrompt({ goal, technique: planned.technique.technique, chain: planned.chain.chain });
  const turns = prompt.turns;
  const seed = deriveSeed(context.runSeed, goal.id, planned.technique.id, planned.chain.chain.id, planned.trial);
  const messages = turns.map(({ role, content }) => ({ role, content }));
  const result = await sendWithRetry({ messages, documents: prompt.documents, seed }, context);
  if (!result.ok && 'stopped' in result) return undefined;

  const base = {
    seq: planned.seq,
    goalId: goal.id,
    techniqueId: planned.technique.id,
    chainId: planned.chain.chain.id,
    trial: planned.trial,
    category: goal.category,
    persona: goal.persona,
    retries: result.retries,
    latencyMs: result.latencyMs,
    startedAt,
  };
  if (!result.ok) {
    return { ...base, turns, outcome: 'error', scores: [], error: { kind: result.error.kind, message: result.error.message }, finishedAt: context.clock.now() };
  }
  const reply: Turn = { role: 'assistant', content: result.response.text };
  const conversation = [...messages, reply];
  const scores: Score[] = [];
  for (const { scorer } of context.scorers) {
    scores.push(await safeScore(scorer, { goal, conversation, response: reply.content }));
  }
  const decidedBy = context.decidingScorer(goal);
  const decisive = scores.find((s) => s.scorerId === decidedBy);
  return {
    ...base,
    turns: [...turns, reply],
    outcome: decisive?.verdict ?? 'unscored',
    decidedBy,
    scores,
    usage: result.response.usage,
    finishedAt: context.clock.now(),
  };
}
