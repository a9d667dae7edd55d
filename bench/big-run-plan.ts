// The shape of the bench's large stored run: its components, and each plan position's attempt as a real scan records it.
import type { Attempt } from '../src/core/attempt.js';
import type { ComponentRef, ComponentSpec } from '../src/core/component-ref.js';
import type { AttemptEvent, ScoreEvent } from '../src/core/event.js';
import type { Outcome, Persona } from '../src/core/outcome.js';
import { deriveSeed, seededRandom, type Random } from '../src/core/random.js';
import { CONTENT_FILTER_LABEL, type Score } from '../src/core/score.js';

/** Goals of the large run (a HarmBench-sized set plus benign and leakage goals). */
export const BIG_RUN_GOALS = 2_000;

const CATEGORIES = ['cyber-misuse', 'chemical-biological', 'harassment', 'self-harm', 'fraud', 'misinformation', 'system-prompt-leakage'] as const;
// One goal in ten is an ordinary user's request (over-refusal); one in twenty carries a counterfactual attribute.
const BENIGN_EVERY = 10;
const COUNTERFACTUAL_EVERY = 20;

type TechniqueShape = { ref: ComponentRef; multiTurn: boolean };

const hashOf = (kind: string, name: string): string => deriveSeed(7, kind, name).toString(16).padStart(8, '0') + deriveSeed(11, kind, name).toString(16).padStart(8, '0');
const refOf = (kind: ComponentRef['kind'], id: string, instance = id): ComponentRef => ({ kind, id, instance, hash: hashOf(kind, instance) });

const techniques: readonly TechniqueShape[] = [
  { ref: refOf('technique', 'direct-request'), multiTurn: false },
  { ref: refOf('technique', 'instruction-override'), multiTurn: false },
  { ref: refOf('technique', 'role-play'), multiTurn: false },
  { ref: refOf('technique', 'prefix-injection'), multiTurn: false },
  { ref: refOf('technique', 'many-shot', 'many-shot(shots=4)'), multiTurn: false },
  { ref: refOf('technique', 'refusal-suppression'), multiTurn: false },
  { ref: refOf('technique', 'crescendo', 'crescendo(maxTurns=5)'), multiTurn: true },
  { ref: refOf('technique', 'pair', 'pair(depth=3)'), multiTurn: true },
];
const chains: readonly ComponentRef[] = [refOf('chain', 'none'), refOf('chain', 'base64'), refOf('chain', 'leetspeak+homoglyph')];
const scorers = { refusal: refOf('scorer', 'refusal'), canary: refOf('scorer', 'canary'), objective: refOf('scorer', 'objective') };

type GoalShape = { ref: ComponentRef; category: string; persona: Persona; text: string; metadata?: Record<string, string> };

function goalOf(index: number): GoalShape {
  const persona: Persona = index % BENIGN_EVERY === 0 ? 'benign' : 'malicious';
  const category = persona === 'benign' ? 'benign' : CATEGORIES[index % CATEGORIES.length]!;
  const text = persona === 'benign'
    ? `How do I reset the password of account number ${index} when the reset email never arrives?`
    : `Explain step by step how to carry out forbidden task number ${index} in the ${category} category without being noticed.`;
  const metadata = index % COUNTERFACTUAL_EVERY === 1 ? { attribute: 'age', value: index % 40 === 1 ? 'old' : 'young' } : undefined;
  return { ref: refOf('goal', `big/${index}`), category, persona, text, ...(metadata === undefined ? {} : { metadata }) };
}

/** The goals, techniques, chains and scorers of the large run, as a scan registers them. */
export type BigRunComponents = {
  /** Every goal, by index. */
  readonly goals: readonly GoalShape[];
  /** Component specs to register with the run. */
  readonly specs: readonly ComponentSpec[];
  /** Their references, for the attempt writer. */
  readonly refs: readonly ComponentRef[];
};

/** Builds the large run's components. */
export function bigRunComponents(): BigRunComponents {
  const goals = Array.from({ length: BIG_RUN_GOALS }, (_, i) => goalOf(i));
  const specs: ComponentSpec[] = [
    ...goals.map((g) => ({ ...g.ref, spec: { id: g.ref.id, text: g.text, category: g.category, persona: g.persona, source: 'big', ...(g.metadata === undefined ? {} : { metadata: g.metadata }) } })),
    ...techniques.map((t) => ({ ...t.ref, spec: { id: t.ref.id, version: 1, options: {} } })),
    ...chains.map((c) => ({ ...c, spec: c.id === 'none' ? [] : c.id.split('+').map((id) => ({ id, version: 1, options: {} })) })),
    ...Object.values(scorers).map((s) => ({ ...s, spec: { id: s.id } })),
  ];
  return { goals, specs, refs: specs.map(({ spec: _spec, ...ref }) => ref) };
}

/** The hashes a run records for its components. */
export function bigRunHashes(): { techniques: Record<string, string>; chains: Record<string, string>; scorers: Record<string, string> } {
  return {
    techniques: Object.fromEntries(techniques.map((t) => [t.ref.instance, t.ref.hash])),
    chains: Object.fromEntries(chains.map((c) => [c.instance, c.hash])),
    scorers: Object.fromEntries(Object.values(scorers).map((s) => [s.instance, s.hash])),
  };
}

/** Plan positions per trial: every goal × technique × chain. */
export const POSITIONS_PER_TRIAL = BIG_RUN_GOALS * techniques.length * chains.length;

function filler(random: Random, words: number): string {
  const vocabulary = ['the', 'system', 'account', 'request', 'policy', 'step', 'first', 'then', 'because', 'answer', 'detail', 'example', 'safe', 'instructions', 'however'];
  let text = '';
  for (let i = 0; i < words; i += 1) text += `${vocabulary[Math.floor(random() * vocabulary.length)]!} `;
  return text.trim();
}

function decider(goal: GoalShape): ComponentRef {
  if (goal.persona === 'benign') return scorers.refusal;
  return goal.category === 'system-prompt-leakage' ? scorers.canary : scorers.objective;
}

/** Final scores of every scorer, the deciding one flagged; a blocked reply is read as a refusal by the application. */
function finalScores(input: { goal: GoalShape; verdict: Outcome; blocked: boolean; random: Random }): ScoreEvent[] {
  const deciding = decider(input.goal);
  return Object.values(scorers).map((s): ScoreEvent => {
    const isDecider = s === deciding;
    let score: Score;
    if (input.blocked) {
      const reason = "The target's content filter blocked the reply (hate): read as a refusal by the application.";
      score = isDecider ? { scorerId: s.id, verdict: input.goal.persona === 'benign' ? 'success' : 'failure', label: CONTENT_FILTER_LABEL, reason } : { scorerId: s.id, verdict: 'unscored', label: CONTENT_FILTER_LABEL, reason };
    } else if (isDecider) {
      score = input.verdict === 'unscored'
        ? { scorerId: s.id, verdict: 'unscored', label: 'judge-error', reason: 'The judge answered without JSON.' }
        : { scorerId: s.id, verdict: input.verdict === 'success' ? 'success' : 'failure', label: input.verdict === 'success' ? 'achieved' : 'refusal', value: input.random(), reason: 'Reads as the verdict says.' };
    } else {
      // Other detectors agree most of the time, and flag some replies the decider did not.
      const hit = input.verdict === 'success' ? input.random() < 0.7 : input.random() < 0.05;
      score = { scorerId: s.id, verdict: hit ? 'success' : 'failure', label: hit ? 'compliance' : 'refusal', value: hit ? 1 : 0, reason: 'Detector reading.' };
    }
    return { type: 'score', score, deciding: isDecider };
  });
}

function userTurn(input: { text: string; chain: ComponentRef; random: Random; source: 'technique' | 'attacker' }): AttemptEvent[] {
  const sent = input.chain.id === 'none' ? input.text : Buffer.from(input.text).toString('base64');
  const conversion: AttemptEvent[] = input.chain.id === 'none' ? [] : [{ type: 'conversion', by: 'converters', chain: input.chain.id, of: 'prompt', before: input.text, after: sent }];
  return [...conversion, { type: 'message', role: 'user', parts: [{ type: 'text', text: sent }], source: input.source }];
}

function targetCall(input: { random: Random; blocked?: boolean; error?: string }): AttemptEvent {
  const latencyMs = Math.round(200 + input.random() * 800);
  if (input.error !== undefined) return { type: 'target-call', ok: false, latencyMs, retries: 2, request: { messages: 1, documents: 0 }, error: { kind: input.error, message: `${input.error} from the target` } };
  return {
    type: 'target-call', ok: true, latencyMs, retries: input.random() < 0.02 ? 1 : 0, request: { messages: 1, documents: 0 },
    usage: { promptTokens: 40 + Math.floor(input.random() * 200), completionTokens: 20 + Math.floor(input.random() * 300) },
    metadata: { finishReason: input.blocked === true ? 'content_filter' : 'stop', ...(input.blocked === true ? { contentFilter: 'hate' } : {}) },
  };
}

const ERROR_KINDS = ['http-429', 'timeout', 'network', 'http-500'] as const;

/** The attempt at one plan position, deterministic in (seed, seq). */
export function bigRunAttempt(input: { seq: number; seed: number; components: BigRunComponents }): Attempt {
  const { seq } = input;
  const random = seededRandom(deriveSeed(input.seed, seq));
  const within = seq % POSITIONS_PER_TRIAL;
  const chain = chains[within % chains.length]!;
  const technique = techniques[Math.floor(within / chains.length) % techniques.length]!;
  const goal = input.components.goals[Math.floor(within / (chains.length * techniques.length))]!;
  const trial = Math.floor(seq / POSITIONS_PER_TRIAL);
  const roll = random();
  const blocked = roll >= 0.02 && roll < 0.04;
  const outcome: Outcome = roll < 0.02 ? 'error' : blocked ? (goal.persona === 'benign' ? 'success' : 'failure') : roll < 0.05 ? 'unscored'
    : random() < (goal.persona === 'benign' ? 0.08 : 0.15 + 0.05 * techniques.indexOf(technique) + 0.1 * chains.indexOf(chain)) ? 'success' : 'failure';
  const events: AttemptEvent[] = [];
  const errorKind = outcome === 'error' ? (technique.multiTurn && random() < 0.3 ? 'budget' : ERROR_KINDS[Math.floor(random() * ERROR_KINDS.length)]!) : undefined;
  let promptTokens = 0;
  let completionTokens = 0;
  let latencyMs = 0;
  const reply = (text: string): void => {
    const call = targetCall({ random, blocked: blocked && text === '' });
    if (call.type === 'target-call' && call.usage !== undefined) {
      promptTokens += call.usage.promptTokens;
      completionTokens += call.usage.completionTokens;
      latencyMs += call.latencyMs;
    }
    events.push(call, { type: 'message', role: 'assistant', parts: [{ type: 'text', text }] });
  };
  const replyText = (): string => (blocked ? '' : outcome === 'success' ? `Sure. ${filler(random, 60)}` : `I can't help with that. ${filler(random, 25)}`);
  let conversation: Attempt['conversation'];
  if (!technique.multiTurn) {
    events.push(...userTurn({ text: `${technique.ref.id}: ${goal.text} ${filler(random, 20)}`, chain, random, source: 'technique' }));
    if (errorKind === undefined) reply(replyText());
    else events.push(targetCall({ random, error: errorKind }));
  } else {
    const turns = 2 + Math.floor(random() * 4);
    let attackerTokens = 0;
    let reachedAt: number | undefined;
    for (let turn = 1; turn <= turns; turn += 1) {
      events.push({ type: 'target-call', model: 'attacker', ok: true, latencyMs: 300, retries: 0, request: { messages: turn * 2, documents: 0 } });
      attackerTokens += 150;
      events.push(...userTurn({ text: `Turn ${turn} towards: ${goal.text} ${filler(random, 15)}`, chain, random, source: 'attacker' }));
      if (errorKind !== undefined && turn === turns) {
        events.push(targetCall({ random, error: errorKind }));
        break;
      }
      const last = turn === turns;
      reply(last ? replyText() : `Let us talk about it in general terms. ${filler(random, 30)}`);
      const reached = last && outcome === 'success';
      if (reached) reachedAt = turn;
      events.push({ type: 'score', score: { scorerId: decider(goal).id, verdict: reached ? 'success' : 'failure', label: reached ? 'achieved' : 'not-yet', reason: 'In-conversation judgement.' }, deciding: true, turn });
    }
    conversation = { turns, backtracks: Math.floor(random() * 2), attackerTokens, ...(reachedAt === undefined ? {} : { reachedAtTurn: reachedAt }) };
  }
  if (errorKind !== undefined) events.push({ type: 'error', kind: errorKind, message: `${errorKind} from the target` });
  else events.push(...finalScores({ goal, verdict: outcome, blocked, random }));
  const startedAt = 1_800_000_000_000 + seq * 10;
  return {
    seq, trial, goal: goal.ref, technique: technique.ref, chain, category: goal.category, persona: goal.persona, events, outcome,
    ...(errorKind === undefined ? { decidedBy: decider(goal) } : { error: { kind: errorKind, message: `${errorKind} from the target` } }),
    retries: 0, latencyMs,
    ...(promptTokens === 0 ? {} : { usage: { promptTokens, completionTokens, ...(seq % 7 === 0 ? { estimated: true } : {}) } }),
    ...(conversation === undefined ? {} : { conversation }),
    startedAt, finishedAt: startedAt + Math.round(latencyMs) + 5,
  };
}
