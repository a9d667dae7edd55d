import type { Attempt, Turn } from '../core/attempt.js';
import type { Goal } from '../core/goal.js';
import type { Message } from '../core/message.js';
import type { Score, ScoreInput, Scorer } from '../core/score.js';
import type { Technique } from '../core/technique.js';
import type { ConverterChain } from '../converters/chain.js';
import { attemptIdentity, attemptSeed, type PlannedAttempt } from './plan.js';
import type { Clock } from './clock.js';
import { sendWithRetry, type SendContext } from './send-with-retry.js';
import type { Translator } from './translator.js';
import type { AttemptLimits, RunBudget } from './budget.js';
import type { HelperModel } from './helper-model.js';
import { runConversation } from './run-conversation.js';

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
  /** The translator, for techniques that send in another language. */
  readonly translator?: Translator;
  /** The attacker model, for multi-turn techniques that need one. */
  readonly attacker?: HelperModel;
  /** Per-attempt budget (multi-turn attempts). */
  readonly limits?: AttemptLimits;
  /** The run's shared budget. */
  readonly runBudget?: RunBudget;
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
export function attemptPrompt(input: { goal: Goal; technique: Technique; chain: ConverterChain; translated?: string }): { turns: Turn[]; documents?: readonly string[] } {
  const prompt = input.technique.build(input.goal);
  const last = prompt.messages.map((m) => m.role).lastIndexOf('user');
  // A translated last user turn is sent (and converted) in its new language; its English stays as `original`.
  const messages = input.translated === undefined ? prompt.messages : prompt.messages.map((m, i) => (i === last ? { role: m.role, content: input.translated! } : m));
  const turns = convertTurns(messages, input.chain.convert, input.chain.steps.length === 0).map((t, i) =>
    i === last && input.translated !== undefined ? { ...t, original: prompt.messages[i]!.content } : t,
  );
  return prompt.documents === undefined ? { turns } : { turns, documents: prompt.documents };
}

/** The last user turn's text of a technique's prompt (what a translator translates). */
function lastUserText(technique: Technique, goal: Goal): string {
  return [...technique.build(goal).messages].reverse().find((m) => m.role === 'user')?.content ?? '';
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
  if (planned.technique.technique.converse !== undefined) return runConversation(planned, context);
  const startedAt = context.clock.now();
  const { goal } = planned.goal;
  const { technique } = planned.technique;
  let translated: string | undefined;
  if (technique.translateTo !== undefined) {
    const t = await requireTranslator(context).translate(lastUserText(technique, goal), technique.translateTo);
    if (!t.ok && 'stopped' in t) return undefined;
    if (!t.ok) return translatorError({ planned, context, startedAt, error: t.error, direction: 'prompt' });
    translated = t.text;
  }
  const prompt = attemptPrompt({ goal, technique, chain: planned.chain.chain, translated });
  const turns = prompt.turns;
  const seed = attemptSeed(context.runSeed, planned);
  const messages = turns.map(({ role, content }) => ({ role, content }));
  const result = await sendWithRetry({ messages, documents: prompt.documents, seed }, context);
  if (!result.ok && 'stopped' in result) return undefined;

  const base = { ...attemptIdentity(planned), retries: result.retries, latencyMs: result.latencyMs, startedAt };
  if (!result.ok) {
    return { ...base, turns, outcome: 'error', scores: [], error: { kind: result.error.kind, message: result.error.message }, finishedAt: context.clock.now() };
  }
  let reply: Turn = { role: 'assistant', content: result.response.text };
  if (technique.translateTo !== undefined && reply.content.trim() !== '') {
    const back = await requireTranslator(context).translate(reply.content, 'English');
    if (!back.ok && 'stopped' in back) return undefined;
    if (!back.ok) return translatorError({ planned, context, startedAt, error: back.error, direction: 'reply', turns: [...turns, reply] });
    reply = { ...reply, interpreted: back.text };
  }
  // Scorers read the conversation as the technique meant it: English turns, the reply as interpreted.
  const read = reply.interpreted ?? reply.content;
  const conversation = [...turns.map((t) => ({ role: t.role, content: t.original ?? t.content })), { role: 'assistant' as const, content: read }];
  const scored = await scoreReply(context, { goal, conversation, response: read });
  // Stopped while scoring (a judge call cut short): drop it, so resume runs it again instead of keeping 'unscored'.
  if (context.stop.aborted) return undefined;
  const usage = result.response.usage;
  if (usage) context.runBudget?.spend(usage.promptTokens + usage.completionTokens);
  return { ...base, turns: [...turns, reply], ...scored, usage, finishedAt: context.clock.now() };
}

/** Every scorer's score of a reply, and the outcome the goal's deciding scorer gives. */
export async function scoreReply(context: AttemptContext, input: ScoreInput): Promise<Pick<Attempt, 'outcome' | 'decidedBy' | 'scores'>> {
  const scores: Score[] = [];
  for (const { scorer } of context.scorers) scores.push(await safeScore(scorer, input));
  const decidedBy = context.decidingScorer(input.goal);
  return { outcome: scores.find((s) => s.scorerId === decidedBy)?.verdict ?? 'unscored', decidedBy, scores };
}

function requireTranslator(context: AttemptContext): Translator {
  // prepareRun refuses a translating technique without a translator, so this is a programming error.
  if (context.translator === undefined) throw new Error('a translating technique ran without a translator');
  return context.translator;
}

/** An attempt ended by the translator failing, recorded as an error with the translator's failure kind. */
function translatorError(input: {
  planned: PlannedAttempt; context: AttemptContext; startedAt: number; error: { kind: string; message: string }; direction: 'prompt' | 'reply'; turns?: Turn[];
}): Attempt {
  const { planned, context } = input;
  return {
    ...attemptIdentity(planned), retries: 0, latencyMs: 0, startedAt: input.startedAt,
    turns: input.turns ?? [], outcome: 'error', scores: [],
    error: { kind: `translator-${input.error.kind}`, message: `translating the ${input.direction} failed: ${input.error.message}` },
    finishedAt: context.clock.now(),
  };
}
