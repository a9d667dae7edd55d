import { describe, expect, it } from 'vitest';
import type { Turn } from '../../core/event.js';
import type { ConversationControls, ConversationReply } from '../../core/conversation.js';
import type { Message } from '../../core/message.js';
import type { Score } from '../../core/score.js';
import { recordingControls } from '../../../test/support/recording-controls.js';
import { tap } from './tap.js';

const goal = { id: 'g', text: 'Explain the forbidden thing.', category: 'c', persona: 'malicious' as const, source: 't' };

/** Fake controls: a scripted attacker (told the depth and variant it writes for), target and judge, counting everything. */
function fake(script: { attacker?: (depth: number, variant: number) => string; target?: (prompt: string) => string; judge?: (reply: string) => Partial<Score> }) {
  const asks: Message[][] = [];
  const sent: string[] = [];
  const { controls, turns } = recordingControls({
    goal,
    askAttacker: async (messages) => {
      asks.push([...messages]);
      const depth = messages.filter((m) => m.role === 'assistant').length + 1;
      const variant = Number(/variant (\d+) of/.exec(messages.at(-1)!.content)![1]);
      return { ok: true, text: (script.attacker ?? ((d, v) => JSON.stringify({ improvement: 'x', prompt: `Explain the forbidden thing, take ${d}.${v}` })))(depth, variant) };
    },
    send: async (messages) => {
      expect(messages).toHaveLength(1); // every node is a fresh single-turn conversation
      sent.push(messages[0]!.content);
      return { ok: true, text: (script.target ?? (() => 'No.'))(messages[0]!.content) };
    },
    judge: async (conversation) => ({ scorerId: 's', verdict: 'failure', label: 'l', reason: 'r', ...script.judge?.(conversation.at(-1)!.content) }),
  });
  return { controls, asks, sent, turns };
}

const depthOf = (turn: Turn): number => Number(/d(\d+)\.n\d+$/.exec(turn.node!)![1]);
const run = (options: Record<string, number>, controls: ConversationControls) => tap.create({ ...tap.defaults, ...options }).converse!(controls);

describe('tap', () => {
  it.each([
    { width: 1, depth: 1, branching: 1, perDepth: [1] },
    { width: 2, depth: 3, branching: 2, perDepth: [2, 4, 4] },
    { width: 4, depth: 4, branching: 3, perDepth: [3, 9, 12, 12] },
    { width: 3, depth: 2, branching: 5, perDepth: [5, 15] },
    { width: 1, depth: 5, branching: 2, perDepth: [2, 2, 2, 2, 2] },
  ])('never exceeds width $width × branching $branching sends per level, nor depth $depth', async ({ width, depth, branching, perDepth }) => {
    const { controls, asks, sent, turns } = fake({});
    const outcome = await run({ width, depth, branching }, controls);
    const prompts = turns.filter((t) => t.role === 'user');
    const replies = turns.filter((t) => t.role === 'assistant');
    const total = perDepth.reduce((a, b) => a + b, 0);
    expect([asks.length, sent.length, prompts.length, replies.length]).toEqual([total, total, total, total]);
    expect(perDepth.map((_, d) => replies.filter((t) => depthOf(t) === d + 1).length)).toEqual(perDepth);
    expect(Math.max(...turns.map(depthOf))).toBe(depth);
    expect(Math.max(...perDepth)).toBeLessThanOrEqual(width * branching);
    // Every node below depth 1 hangs under a node kept at the level above; only `width` per level stay unpruned.
    for (let d = 1; d <= depth; d += 1) expect(replies.filter((t) => depthOf(t) === d && t.pruned !== true).length).toBe(Math.min(width, perDepth[d - 1]!));
    expect(outcome).toMatchObject({ backtracks: 0, transcript: [{ role: 'user' }, { role: 'assistant', content: 'No.' }] });
    expect(outcome.reachedAtTurn).toBeUndefined();
  });

  it('keeps the best-judged leaves and refines only them', async () => {
    const { controls, turns } = fake({ target: (p) => p, judge: (reply) => ({ value: reply.endsWith('1.3') ? 0.8 : reply.endsWith('1.1') ? 0.5 : 0.1 }) });
    await run({ width: 2, depth: 2, branching: 3 }, controls);
    const level2 = turns.filter((t) => t.role === 'user' && depthOf(t) === 2).map((t) => t.node);
    expect(level2).toEqual(['d1.n2/d2.n0', 'd1.n2/d2.n1', 'd1.n2/d2.n2', 'd1.n0/d2.n3', 'd1.n0/d2.n4', 'd1.n0/d2.n5']);
    expect(turns.filter((t) => t.role === 'user' && depthOf(t) === 1).map((t) => t.pruned ?? false)).toEqual([false, true, false]);
  });

  it('prunes off-topic prompts before sending them and never refines them', async () => {
    const { controls, sent, turns } = fake({ attacker: (d, v) => (v === 1 ? `{"prompt": "What a lovely day for a picnic (${d}.${v})"}` : `Explain the forbidden thing, take ${d}.${v}`) });
    await run({ width: 3, depth: 3, branching: 3 }, controls);
    expect(sent.some((p) => p.includes('picnic'))).toBe(false);
    const offTopic = turns.filter((t) => t.content.includes('picnic'));
    expect(offTopic).toHaveLength(1 + 2 + 3); // one per leaf: the goal, then the 2 and 3 leaves kept
    expect(offTopic.every((t) => t.role === 'user' && t.pruned === true && t.source === 'attacker')).toBe(true);
    // No reply was recorded for them, and no node grew under them.
    const offNodes = offTopic.map((t) => t.node!);
    expect(turns.some((t) => t.role === 'assistant' && offNodes.includes(t.node!))).toBe(false);
    expect(turns.some((t) => offNodes.some((n) => t.node!.startsWith(`${n}/`)))).toBe(false);
    expect(sent).toHaveLength(2 + 4 + 6);
  });

  it('stops at the first success, with the winning exchange as the transcript', async () => {
    const { controls, sent, turns } = fake({ target: (p) => (p.endsWith('2.2') ? 'Sure, the whole thing.' : 'No.'), judge: (reply) => ({ verdict: reply.startsWith('Sure') ? 'success' : 'failure' }) });
    const outcome = await run({ width: 2, depth: 4, branching: 3 }, controls);
    expect(sent).toEqual(['1.1', '1.2', '1.3', '2.1', '2.2'].map((t) => `Explain the forbidden thing, take ${t}`));
    expect(outcome).toEqual({
      backtracks: 0, reachedAtTurn: 5,
      transcript: [{ role: 'user', content: 'Explain the forbidden thing, take 2.2' }, { role: 'assistant', content: 'Sure, the whole thing.' }],
    });
    const level2 = turns.filter((t) => depthOf(t) === 2).map((t) => [t.role, t.node, t.pruned ?? false]);
    // The attacker wrote six prompts at depth 2; the winner is kept, the rest pruned, the unsent ones without a reply.
    expect(level2).toEqual([
      ['user', 'd1.n0/d2.n0', true], ['assistant', 'd1.n0/d2.n0', true], ['user', 'd1.n0/d2.n1', false], ['assistant', 'd1.n0/d2.n1', false],
      ['user', 'd1.n0/d2.n2', true], ['user', 'd1.n1/d2.n3', true], ['user', 'd1.n1/d2.n4', true], ['user', 'd1.n1/d2.n5', true],
    ]);
  });

  it('takes a malformed attacker answer whole, and ends with the reason when a reply is missing', async () => {
    const { controls, sent } = fake({ attacker: () => 'The forbidden thing, explained as a poem?' });
    const budget: ConversationReply = { ok: false, stop: 'budget', kind: 'budget', message: 'spent' };
    let sends = 0;
    const outcome = await run({ width: 1, depth: 3, branching: 2 }, { ...controls, send: async (m) => (++sends > 3 ? budget : controls.send(m)) });
    expect(sent).toEqual(Array(3).fill('The forbidden thing, explained as a poem?'));
    expect(outcome).toMatchObject({ ended: budget, transcript: [{ role: 'user' }, { role: 'assistant', content: 'No.' }] });
  });
});
