import { describe, expect, it } from 'vitest';
import { buildChain } from '../converters/chain.js';
import { base64 } from '../converters/encoding/base64.js';
import { turnsOf } from '../core/event.js';
import { TargetError } from '../core/errors.js';
import type { Score } from '../core/score.js';
import type { Target, TargetRequest } from '../core/target.js';
import { defineTechnique } from '../core/technique.js';
import { directRequest } from '../techniques/direct-request.js';
import { xpiaTechniques } from '../techniques/security/xpia-techniques.js';
import { attemptFixture } from '../../test/support/attempt-context.js';
import { runAttempt } from './run-attempt.js';

const target: Target = {
  id: 'echo', simulated: true, capabilities: { multiTurn: true, systemPrompt: false, documents: true },
  send: async () => ({ text: 'Sure, here it is.' }),
};
const goal = { id: 'g', text: 'Do the thing.', category: 'c', persona: 'malicious' as const, source: 't' };
const verdict = (v: Score['verdict']): Score => ({ scorerId: 's', verdict: v, label: 'x', reason: 'r' });

describe('runAttempt', () => {
  it('records the deciding scorer’s verdict as the outcome, and the log in order', async () => {
    const { planned, context } = attemptFixture({ goal, technique: directRequest, target, scorer: { id: 's', score: () => verdict('success') } });
    const attempt = await runAttempt(planned, context);
    expect(attempt).toMatchObject({ outcome: 'success', decidedBy: { kind: 'scorer', instance: 's' } });
    expect(attempt!.events.map((e) => e.type)).toEqual(['message', 'target-call', 'message', 'score']);
    expect(turnsOf(attempt!.events)).toMatchObject([{ role: 'user' }, { role: 'assistant', content: 'Sure, here it is.' }]);
  });

  it('drops an attempt whose scoring was cut short by a stop, so resume runs it again', async () => {
    const stop = new AbortController();
    const { planned, context } = attemptFixture({
      goal, technique: directRequest, target, stop,
      scorer: { id: 's', score: () => { stop.abort(new Error('Ctrl-C')); return verdict('unscored'); } },
    });
    expect(await runAttempt(planned, context)).toBeUndefined();
  });

  it('a rate limiter that cannot answer (a shared one whose Redis is gone) fails the attempt\'s execution, never records it as the target\'s error', async () => {
    const broken = { acquire: async () => { throw new Error('Connection is closed.'); }, settle: () => undefined, pause: () => undefined };
    const { planned, context } = attemptFixture({ goal, technique: directRequest, target, scorer: { id: 's', score: () => verdict('success') }, extra: { limiter: broken } });
    await expect(runAttempt(planned, context)).rejects.toThrow('Connection is closed.');
  });

  it('a rate limiter that cannot answer inside a conversation fails the execution too, never an orchestrator error', async () => {
    const broken = { acquire: async () => { throw new Error('Connection is closed.'); }, settle: () => undefined, pause: () => undefined };
    const conversing = defineTechnique({
      id: 'two-turns', summary: 'test', source: 'test', taxonomy: { atlas: [], owasp: [] }, personas: ['malicious'], version: 1, defaults: {},
      create: () => ({
        id: 'two-turns',
        build: (g) => ({ messages: [{ role: 'user' as const, content: g.text }] }),
        converse: async (controls) => {
          const reply = await controls.send([{ role: 'user', content: controls.goal.text }]);
          return { transcript: reply.ok ? [{ role: 'assistant' as const, content: reply.text }] : [], backtracks: 0 };
        },
      }),
    });
    const { planned, context } = attemptFixture({ goal, technique: conversing, target, scorer: { id: 's', score: () => verdict('success') }, extra: { limiter: broken } });
    await expect(runAttempt(planned, context)).rejects.toMatchObject({ name: 'LimiterError', message: expect.stringContaining('Connection is closed.') });
  });

  it('a 429 with Retry-After pauses the limiter (every attempt, every worker of a shared one) for as long as the target asked', async () => {
    let calls = 0;
    const limited: Target = {
      ...target,
      send: async () => {
        calls += 1;
        if (calls === 1) throw new TargetError('slow down', { targetId: 'echo', kind: 'http-429', status: 429, retryable: true, retryAfterMs: 1_500 });
        return { text: 'Sure, here it is.' };
      },
    };
    const pauses: number[] = [];
    const limiter = { acquire: async () => undefined, settle: () => undefined, pause: (ms: number) => void pauses.push(ms) };
    const { planned, context } = attemptFixture({ goal, technique: directRequest, target: limited, scorer: { id: 's', score: () => verdict('success') }, extra: { limiter } });
    const attempt = await runAttempt(planned, context);
    expect(attempt).toMatchObject({ outcome: 'success', retries: 1 });
    expect(pauses).toEqual([1_500]);
  });

  it('a scorer that throws gives an unscored attempt, not a lost one', async () => {
    const { planned, context } = attemptFixture({ goal, technique: directRequest, target, scorer: { id: 's', score: () => { throw new Error('boom'); } } });
    const attempt = await runAttempt(planned, context);
    expect(attempt).toMatchObject({ outcome: 'unscored' });
    expect(attempt!.events.at(-1)).toMatchObject({ type: 'score', score: { verdict: 'unscored', label: 'scorer-error' } });
  });

  it('records the converted text as sent and its original, and scorers read the original', async () => {
    let read = '';
    const { planned, context } = attemptFixture({
      goal, technique: directRequest, target, chain: buildChain([base64]),
      scorer: { id: 's', score: (input) => { read = input.conversation[0]!.content; return verdict('failure'); } },
    });
    const attempt = await runAttempt(planned, context);
    const [user] = turnsOf(attempt!.events);
    expect(user).toMatchObject({ role: 'user', content: Buffer.from('Do the thing.').toString('base64'), original: 'Do the thing.' });
    expect(attempt!.events[0]).toMatchObject({ type: 'conversion', by: 'converters', chain: 'base64', before: 'Do the thing.' });
    expect(read).toBe('Do the thing.');
  });

  it('records a planted document as a document part of the message that carried it', async () => {
    let received: TargetRequest | undefined;
    const xpia = xpiaTechniques.find((t) => t.id === 'xpia-email')!;
    const { planned, context } = attemptFixture({
      goal: { ...goal, category: 'indirect-prompt-injection' }, technique: xpia, scorer: { id: 's', score: () => verdict('failure') },
      target: { ...target, send: async (request) => { received = request; return { text: 'Summary: a meeting.' }; } },
    });
    const attempt = await runAttempt(planned, context);
    const documents = turnsOf(attempt!.events)[0]!.parts?.filter((p) => p.type === 'document') ?? [];
    expect(documents).toHaveLength(1);
    expect(documents[0]).toMatchObject({ type: 'document', text: received!.documents![0] });
    expect(attempt!.events[1]).toMatchObject({ type: 'target-call', request: { documents: 1 } });
  });

  it('records a reply with tool calls as parts, never as an empty string, with the target’s metadata', async () => {
    const { planned, context } = attemptFixture({
      goal, technique: directRequest, scorer: { id: 's', score: () => verdict('failure') },
      target: {
        ...target,
        send: async () => ({
          text: '', parts: [{ type: 'tool-call', callId: 'c1', name: 'send_email', arguments: '{"to":"x@evil.test"}' }], metadata: { finishReason: 'tool_calls' },
        }),
      },
    });
    const attempt = await runAttempt(planned, context);
    const reply = attempt!.events.find((e) => e.type === 'message' && e.role === 'assistant');
    expect(reply).toMatchObject({ parts: [{ type: 'tool-call', name: 'send_email', arguments: '{"to":"x@evil.test"}' }] });
    expect(attempt!.events.find((e) => e.type === 'target-call')).toMatchObject({ metadata: { finishReason: 'tool_calls' } });
  });
});
