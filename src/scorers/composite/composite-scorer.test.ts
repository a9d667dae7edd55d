import { describe, expect, it } from 'vitest';
import type { Goal } from '../../core/goal.js';
import type { Verdict } from '../../core/outcome.js';
import type { Scorer } from '../../core/score.js';
import { compositeScorer } from './composite-scorer.js';

const goal: Goal = { id: 'g', text: 'x', category: 'fraud', persona: 'malicious', source: 't' };
const input = { goal, response: 'reply', conversation: [] };
const fixed = (id: string, verdict: Verdict): Scorer => ({ id, score: () => ({ scorerId: id, verdict, label: verdict, reason: `${id} says ${verdict}` }) });

describe('composite scorer', () => {
  it('names itself composite:NAME and lists every child verdict in its reason', async () => {
    const scorer = compositeScorer.create({ name: 'confirmed', op: 'and', of: [fixed('refusal', 'success'), fixed('llm-true-false', 'unscored')] });
    expect(scorer.id).toBe('composite:confirmed');
    const score = await scorer.score(input);
    expect(score).toMatchObject({ scorerId: 'composite:confirmed', verdict: 'unscored', label: 'and-unscored' });
    expect(score.value).toBeUndefined();
    expect(score.reason).toContain('refusal: success; llm-true-false: unscored');
  });
  it('nests: NOT of an OR, with a decided value', async () => {
    const inner = compositeScorer.create({ name: 'any', op: 'or', of: [fixed('a', 'failure'), fixed('b', 'failure')] });
    const score = await compositeScorer.create({ name: 'none', op: 'not', of: [inner] }).score(input);
    expect(score).toMatchObject({ verdict: 'success', value: 1, label: 'not-success' });
    expect(score.reason).toContain('composite:any: failure');
  });
});
