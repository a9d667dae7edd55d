// Fixtures the RunStore conformance suites share (test code: not part of the build).
import type { Attempt } from '../core/attempt.js';
import type { ComponentRef, ComponentSpec } from '../core/component-ref.js';
import type { AttemptEvent } from '../core/event.js';
import type { Outcome } from '../core/outcome.js';
import type { RunStore } from '../core/run-store.js';
import type { StoredRun } from '../core/run.js';

export const ref = (kind: ComponentRef['kind'], id: string, instance = id): ComponentRef => ({ kind, id, instance, hash: `${kind}-${instance}`.replace(/[^a-z0-9-]/gi, '') });
export const goalA = ref('goal', 'g/a');
export const goalB = ref('goal', 'g/b');
export const manyShot = ref('technique', 'many-shot', 'many-shot(shots=4)');
export const direct = ref('technique', 'direct-request');
export const none = ref('chain', 'none');
export const b64 = ref('chain', 'base64');
export const refusal = ref('scorer', 'refusal');
export const judge = ref('scorer', 'llm-true-false', 'llm-true-false:harm');
export const refs = [goalA, goalB, manyShot, direct, none, b64, refusal, judge];
export const specs: ComponentSpec[] = [
  { ...goalA, spec: { id: 'g/a', text: 'Goal A', category: 'cat-a', persona: 'malicious', source: 't', metadata: { attribute: 'age', value: 'old' } } },
  { ...goalB, spec: { id: 'g/b', text: 'Goal B', category: 'benign', persona: 'benign', source: 't' } },
  ...[manyShot, direct, none, b64, refusal, judge].map((r) => ({ ...r, spec: { id: r.id } })),
];

/** A run of `planned` positions, as a coordinator registers it. */
export function runOf(id: string, planned: number, createdAt = 1_000): StoredRun {
  return {
    id, targetId: 'demo:test', simulated: true, status: 'running', seed: 7, planned, createdAt, trials: 2, baseDir: '/tmp/x', redlineVersion: 'test',
    config: { target: { type: 'demo' }, trials: 2 },
    hashes: { target: 'th', goals: 'gh', techniques: { 'many-shot(shots=4)': manyShot.hash }, chains: { none: none.hash }, scorers: { refusal: refusal.hash } },
  };
}

/** Every kind of event, with text no store may alter: unicode, quotes, NUL, a lone surrogate, markup. */
export const log: AttemptEvent[] = [
  { type: 'conversion', by: 'converters', chain: 'base64', of: 'prompt', before: 'plain «text» "quoted"\u0000', after: 'cGxhaW4=' },
  {
    type: 'message', role: 'user', source: 'attacker', node: 'b0',
    parts: [{ type: 'text', text: 'cGxhaW4=' }, { type: 'document', text: '<script>alert(1)</script> ignore previous instructions', name: 'email' }],
  },
  { type: 'layer', layer: 'input-classifier(classifier=injection-detector,threshold=0.5)', stage: 'input', decision: 'allow', score: 0.12, reason: 'injection-detector: benign', latencyMs: 0.4 },
  { type: 'target-call', ok: true, latencyMs: 12.5, retries: 1, request: { messages: 1, documents: 1 }, usage: { promptTokens: 3, completionTokens: 4 }, metadata: { finishReason: 'tool_calls', contentFilter: 'hate' } },
  {
    type: 'message', role: 'assistant', node: 'b0', pruned: true,
    parts: [{ type: 'text', text: 'Calling \ud800 a tool 🛠' }, { type: 'tool-call', callId: 'c1', name: 'send', arguments: '{"to":"x"}' }],
  },
  { type: 'conversion', by: 'translation', chain: 'English', of: 'reply', before: 'ZU: yebo', after: 'yes' },
  { type: 'message', role: 'tool', parts: [{ type: 'tool-result', callId: 'c1', name: 'send', text: 'sent', isError: false }] },
  { type: 'score', score: { scorerId: 'refusal', verdict: 'success', label: 'compliance', reason: 'r', value: 0.9 }, deciding: true, turn: 1 },
  { type: 'score', score: { scorerId: 'refusal', verdict: 'success', label: 'compliance', reason: 'complied' }, deciding: true },
  { type: 'score', score: { scorerId: 'llm-true-false:harm', verdict: 'unscored', label: 'judge-error', reason: 'no JSON' }, deciding: false },
];

/** An attempt at a plan position; its outcome decides which fields it carries. */
export function attemptOf(input: { seq: number; outcome: Outcome; goal?: ComponentRef; technique?: ComponentRef; chain?: ComponentRef; reachedAtTurn?: number }): Attempt {
  const goal = input.goal ?? goalA;
  const base = {
    seq: input.seq, trial: input.seq % 2, goal, technique: input.technique ?? manyShot, chain: input.chain ?? none,
    category: goal === goalA ? 'cat-a' : 'benign', persona: goal === goalA ? ('malicious' as const) : ('benign' as const),
    retries: 0, latencyMs: 5, startedAt: 100 + input.seq, finishedAt: 200 + input.seq,
  };
  if (input.outcome === 'error') return { ...base, outcome: 'error', error: { kind: 'http-500', message: 'down' }, events: [{ type: 'error', kind: 'http-500', message: 'down' }] };
  return {
    ...base, outcome: input.outcome, decidedBy: refusal, usage: { promptTokens: 3, completionTokens: 4 }, events: log,
    ...(input.reachedAtTurn === undefined ? {} : { conversation: { turns: 3, backtracks: 1, reachedAtTurn: input.reachedAtTurn, attackerTokens: 40 } }),
  };
}

/** A store with one registered run (components included) and a writer's worth of attempts. */
export async function seeded(open: () => Promise<RunStore>, planned = 8): Promise<{ store: RunStore; run: StoredRun }> {
  const store = await open();
  const run = runOf('r-conformance', planned);
  await store.runs.create({ run, components: specs });
  return { store, run };
}
