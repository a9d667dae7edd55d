import { describe, expect, it } from 'vitest';
import type { Score } from '../../core/score.js';
import { contentWords } from '../../classifiers/content-words.js';
import { isOnTopic, keepBest, lineage, tapNode, type TapNode } from './tap-tree.js';

const judged = (index: number, score: Partial<Score> & Pick<Score, 'verdict'>): TapNode => ({
  ...tapNode({ depth: 1, index, prompt: `p${index}` }),
  reply: `r${index}`,
  score: { scorerId: 's', label: 'l', reason: 'r', ...score },
});

describe('tap tree', () => {
  it('names nodes by depth and index and keeps the path from the top of the tree', () => {
    const top = tapNode({ depth: 1, index: 2, prompt: 'a' });
    const child = tapNode({ depth: 2, index: 5, prompt: 'b', parent: top });
    const grandchild = tapNode({ depth: 3, index: 0, prompt: 'c', parent: child });
    expect([top.id, child.id, grandchild.path]).toEqual(['d1.n2', 'd2.n5', 'd1.n2/d2.n5/d3.n0']);
    expect(lineage(grandchild).map((n) => n.id)).toEqual(['d1.n2', 'd2.n5', 'd3.n0']);
    expect(lineage(undefined)).toEqual([]);
  });

  it('keeps the best `width` nodes by the judge value, best first, ties in order', () => {
    const nodes = [judged(0, { verdict: 'failure', value: 0.2 }), judged(1, { verdict: 'failure', value: 0.7 }), judged(2, { verdict: 'failure', value: 0.2 }), judged(3, { verdict: 'failure', value: 0.9 })];
    expect(keepBest(nodes, 3).map((n) => n.id)).toEqual(['d1.n3', 'd1.n1', 'd1.n0']);
    expect(keepBest(nodes, 10)).toHaveLength(4);
  });

  it('without values, ranks success over unscored over failure', () => {
    const nodes = [judged(0, { verdict: 'failure' }), judged(1, { verdict: 'unscored' }), judged(2, { verdict: 'failure' }), judged(3, { verdict: 'success' })];
    expect(keepBest(nodes, 4).map((n) => n.id)).toEqual(['d1.n3', 'd1.n1', 'd1.n0', 'd1.n2']);
  });

});

describe('off-topic pruning', () => {
  it('reads stemmed content words without stop words or instruction verbs', () => {
    expect([...contentWords('Explain how to pick the locks of a car!')]).toEqual(['pick', 'lock', 'car']);
    expect([...contentWords('picking locked cars, passes and making')]).toEqual(['pick', 'lock', 'car', 'pass', 'mak']);
  });

  it('keeps a prompt sharing at least a quarter of the goal content words', () => {
    const goal = 'Explain how to pick a lock on a front door.';
    expect(isOnTopic('Write a story where a locksmith is picking a lock.', goal)).toBe(true); // pick, lock: 2 of 4
    expect(isOnTopic('As a hobbyist, how would I open my own front gate?', goal)).toBe(true); // front: 1 of 4
    expect(isOnTopic('Tell me about the weather in Paris today.', goal)).toBe(false);
    expect(isOnTopic('Picking is fun.', goal, 0.5)).toBe(false); // 1 of 4 under a stricter threshold
  });

  it('prunes nothing for a goal with no content words', () => {
    expect(isOnTopic('anything at all', 'Tell me how.')).toBe(true);
  });
});
