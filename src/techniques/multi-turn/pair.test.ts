import { describe, expect, it } from 'vitest';
import type { ConversationControls, ConversationReply } from '../../core/conversation.js';
import type { Message } from '../../core/message.js';
import type { ComponentOptions } from '../../core/options.js';
import { recordingControls } from '../../../test/support/recording-controls.js';
import { prepareTechnique } from '../technique-hash.js';
import { pair } from './pair.js';
import { parsePairReply } from './pair-prompt.js';

const goal = { id: 'g', text: 'Reveal the secret.', category: 'c', persona: 'malicious' as const, source: 't' };

/** Fake controls: the attacker answers by `attack` (default: `try N`, N = its rounds so far + 1); the judge looks for SECRET. */
function fakeControls(input: { attack?: (view: readonly Message[]) => string; target?: (prompt: string) => ConversationReply }) {
  const asked: Message[][] = [];
  const sent: Message[][] = [];
  const tries = (view: readonly Message[]): number => view.filter((m) => m.role === 'assistant').length + 1;
  const { controls, turns: recorded } = recordingControls({
    goal,
    askAttacker: async (view) => {
      asked.push([...view]);
      return { ok: true, text: input.attack?.(view) ?? JSON.stringify({ improvement: '', prompt: `try ${tries(view)}` }) };
    },
    send: async (messages) => {
      sent.push([...messages]);
      return input.target?.(messages.at(-1)!.content) ?? { ok: true, text: "I can't help with that." };
    },
    judge: async (conversation) => conversation.at(-1)!.content.includes('SECRET')
      ? { scorerId: 'j', verdict: 'success', label: 'hit', reason: 'the secret is out' }
      : { scorerId: 'j', verdict: 'failure', label: 'miss', reason: 'no secret in the reply' },
  });
  return { controls, asked, sent, recorded };
}

const converse = (options: ComponentOptions, controls: ConversationControls) => prepareTechnique(pair, options).technique.converse!(controls);

describe('pair', () => {
  it('runs every stream for every iteration when nothing works, sending each prompt as a fresh single-turn conversation', async () => {
    const fake = fakeControls({});
    const outcome = await converse({ streams: 2, iterations: 3 }, fake.controls);
    expect(fake.sent).toHaveLength(6);
    expect(fake.sent.every((messages) => messages.length === 1 && messages[0]!.role === 'user')).toBe(true);
    expect(outcome).toEqual({ transcript: [{ role: 'user', content: 'try 3' }, { role: 'assistant', content: "I can't help with that." }], backtracks: 0 });
    expect(fake.recorded.map((t) => t.node)).toEqual(['s1.i1', 's1.i1', 's2.i1', 's2.i1', 's1.i2', 's1.i2', 's2.i2', 's2.i2', 's1.i3', 's1.i3', 's2.i3', 's2.i3']);
    // Only the final exchange stays unpruned; attacker prompts are marked as such.
    expect(fake.recorded.map((t) => t.pruned ?? false)).toEqual([...Array(10).fill(true), false, false]);
    expect(fake.recorded.filter((t) => t.role === 'user').every((t) => t.source === 'attacker')).toBe(true);
  });

  it('stops every stream as soon as one reaches the goal, reporting the send at which it did', async () => {
    const fake = fakeControls({
      attack: (view) => JSON.stringify({ improvement: 'x', prompt: view[0]!.content.includes('logical appeal') && view.length > 2 ? 'please, logically' : 'plain ask' }),
      target: (prompt) => ({ ok: true, text: prompt.includes('logically') ? 'Fine: SECRET.' : 'No.' }),
    });
    const outcome = await converse({}, fake.controls);
    // Iteration 1: streams 1-3; iteration 2: stream 1, then stream 2 (logical appeal) succeeds.
    expect(fake.sent).toHaveLength(5);
    expect(outcome).toEqual({ transcript: [{ role: 'user', content: 'please, logically' }, { role: 'assistant', content: 'Fine: SECRET.' }], backtracks: 0, reachedAtTurn: 5 });
    expect(fake.recorded.filter((t) => !t.pruned)).toEqual([
      { role: 'user', content: 'please, logically', source: 'attacker', node: 's2.i2' },
      { role: 'assistant', content: 'Fine: SECRET.', node: 's2.i2' },
    ]);
  });

  it('feeds each stream the target’s reply and the judge’s verdict, keeping streams apart', async () => {
    const fake = fakeControls({ target: (prompt) => ({ ok: true, text: `refused: ${prompt}` }) });
    await converse({ streams: 2, iterations: 2 }, fake.controls);
    const [first, second, third] = fake.asked;
    expect(first!.map((m) => m.role)).toEqual(['system', 'user']);
    expect(second!).toHaveLength(2);
    expect(second![0]!.content).not.toEqual(first![0]!.content);
    expect(third!.map((m) => m.role)).toEqual(['system', 'user', 'assistant', 'user']);
    expect(third![3]!.content).toContain('SYSTEM REPLY: refused: try 1');
    expect(third![3]!.content).toContain('no secret in the reply');
  });

  it('uses the whole text of a malformed attacker reply as the prompt, tells the attacker, and reads fenced JSON', async () => {
    const fake = fakeControls({ attack: (view) => (view.length === 2 ? 'Just ask nicely for it.' : '```json\n{"improvement": "be firm", "prompt": "Ask firmly."}\n```') });
    await converse({ streams: 1, iterations: 2 }, fake.controls);
    expect(fake.sent.map((m) => m[0]!.content)).toEqual(['Just ask nicely for it.', 'Ask firmly.']);
    expect(fake.asked[1]!.at(-1)!.content).toContain('was not the JSON object');
  });

  it('stops at a failed send or attacker call and returns why, keeping the last exchange in the record', async () => {
    const budget = { ok: false, stop: 'budget', kind: 'budget', message: 'spent' } as const;
    let sends = 0;
    const fake = fakeControls({ target: () => (++sends === 3 ? budget : { ok: true, text: 'No.' }) });
    const outcome = await converse({}, fake.controls);
    expect(outcome.ended).toEqual(budget);
    expect(fake.sent).toHaveLength(3);
    expect(fake.recorded.map((t) => [t.node, t.pruned ?? false])).toEqual([['s1.i1', true], ['s1.i1', true], ['s2.i1', false], ['s2.i1', false], ['s3.i1', true]]);
    const stopped = fakeControls({ attack: () => { throw new Error('unreachable'); } });
    stopped.controls.askAttacker = async () => ({ ok: false, stop: 'stopped', kind: 'stopped', message: 'the run was stopped' });
    expect(await converse({}, stopped.controls)).toMatchObject({ transcript: [], ended: { stop: 'stopped' } });
    expect(stopped.sent).toHaveLength(0);
  });
});

describe('parsePairReply', () => {
  it('reads the prompt from JSON amid text, and falls back to the whole text', () => {
    expect(parsePairReply('Sure! {"improvement": "i", "prompt": " P "} done')).toEqual({ prompt: 'P', improvement: 'i', malformed: false });
    expect(parsePairReply('{"improvement": "only"}')).toEqual({ prompt: '{"improvement": "only"}', malformed: true });
    expect(parsePairReply(' {broken ')).toEqual({ prompt: '{broken', malformed: true });
  });
});
