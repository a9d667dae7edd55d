import { describe, expect, it } from 'vitest';
import { buildChain, chainHash } from '../converters/chain.js';
import { seededRandom } from '../core/random.js';
import type { Target } from '../core/target.js';
import { directRequest } from '../techniques/direct-request.js';
import { prepareTechnique } from '../techniques/technique-hash.js';
import { virtualClock } from './fake-clock.js';
import { createRateLimiter } from './rate-limiter.js';
import { DEFAULT_RETRY_POLICY } from './retry-policy.js';
import { runAttempt, type AttemptContext } from './run-attempt.js';

const target: Target = {
  id: 'echo', simulated: true, capabilities: { multiTurn: true, systemPrompt: false, documents: false },
  send: async () => ({ text: 'Sure, here it is.' }),
};
const goal = { id: 'g', text: 'Do the thing.', category: 'c', persona: 'malicious' as const, source: 't' };
const chain = buildChain([]);
const planned = { seq: 0, trial: 0, goal: { goal, hash: 'g' }, technique: prepareTechnique(directRequest), chain: { chain, hash: chainHash(chain) } };

function context(stop: AbortController, score: AttemptContext['scorers'][number]['scorer']['score']): AttemptContext {
  const clock = virtualClock();
  return {
    target, clock, stop: stop.signal, limiter: createRateLimiter({}, clock), retry: DEFAULT_RETRY_POLICY, timeoutMs: 1000,
    random: seededRandom(1), completionTokenEstimate: 10, runSeed: 1, decidingScorer: () => 's',
    scorers: [{ hash: 'h', scorer: { id: 's', score } }],
  };
}

describe('runAttempt', () => {
  it('records the deciding scorer’s verdict as the outcome', async () => {
    const attempt = await runAttempt(planned, context(new AbortController(), () => ({ scorerId: 's', verdict: 'success', label: 'x', reason: 'r' })));
    expect(attempt).toMatchObject({ outcome: 'success', decidedBy: 's', turns: [{ role: 'user' }, { role: 'assistant', content: 'Sure, here it is.' }] });
  });

  it('drops an attempt whose scoring was cut short by a stop, so resume runs it again', async () => {
    const stop = new AbortController();
    const attempt = await runAttempt(planned, context(stop, () => {
      stop.abort(new Error('Ctrl-C'));
      return { scorerId: 's', verdict: 'unscored', label: 'judge-stopped', reason: 'the run stopped' };
    }));
    expect(attempt).toBeUndefined();
  });

  it('a scorer that throws gives an unscored attempt, not a lost one', async () => {
    const attempt = await runAttempt(planned, context(new AbortController(), () => { throw new Error('boom'); }));
    expect(attempt).toMatchObject({ outcome: 'unscored', scores: [{ verdict: 'unscored', label: 'scorer-error' }] });
  });
});
