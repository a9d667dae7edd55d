import { describe, expect, it } from 'vitest';
import type { Goal } from '../core/goal.js';
import { ConfigError } from '../core/errors.js';
import { selectChains, selectGoals, selectTechniques, type Selection } from './select.js';

const goal = (id: string, category: string): Goal => ({ id, text: `goal ${id}`, category, persona: 'malicious' }) as Goal;
const goals = [
  ...Array.from({ length: 6 }, (_, i) => goal(`a${i}`, 'privacy')),
  ...Array.from({ length: 3 }, (_, i) => goal(`b${i}`, 'hate')),
  goal('c0', 'self-harm'),
];
const select = (extra: Partial<Selection>): Selection => ({ sampleSeed: 0, ...extra }) as Selection;

describe('selection', () => {
  it('samples goals stratified by category, every category represented, the same for the same seed', () => {
    const sample = selectGoals(goals, select({ goalsSample: 5 }), 'r.yaml');
    expect(sample).toHaveLength(5);
    const per = (list: readonly Goal[]) => Object.fromEntries(['privacy', 'hate', 'self-harm'].map((c) => [c, list.filter((g) => g.category === c).length]));
    expect(per(sample)).toEqual({ privacy: 3, hate: 1, 'self-harm': 1 });
    expect(selectGoals(goals, select({ goalsSample: 5 }), 'r.yaml')).toEqual(sample);
    // Another seed draws other members of the same shares.
    const other = selectGoals(goals, select({ goalsSample: 5, sampleSeed: 9 }), 'r.yaml');
    expect(per(other)).toEqual(per(sample));
    expect(other.map((g) => g.id)).not.toEqual(sample.map((g) => g.id));
    // Original order kept.
    expect(sample.map((g) => goals.indexOf(g))).toEqual([...sample.map((g) => goals.indexOf(g))].sort((a, b) => a - b));
  });

  it('keeps goals by category glob, and names the categories when none matches', () => {
    expect(selectGoals(goals, select({ categories: ['self-*', 'hate'] }), 'r.yaml').map((g) => g.id)).toEqual(['b0', 'b1', 'b2', 'c0']);
    expect(() => selectGoals(goals, select({ categories: ['weapons'] }), 'r.yaml')).toThrow(/select.categories keeps none of the goals \(their categories: hate, privacy, self-harm\)/);
  });

  it('keeps techniques by id glob and by OWASP or ATLAS tag, with or without the year or sub-technique', () => {
    const techniques = [
      { id: 'xpia-email', instance: 'xpia-email', taxonomy: { owasp: ['LLM01:2025'], atlas: ['AML.T0051.001'] } },
      { id: 'extract-repeat-above', instance: 'extract-repeat-above', taxonomy: { owasp: ['LLM07:2025'], atlas: ['AML.T0056'] } },
      { id: 'many-shot', instance: 'many-shot(shots=4)', taxonomy: { owasp: ['LLM01:2025'], atlas: ['AML.T0054'] } },
    ];
    const ids = (extra: Partial<Selection>) => selectTechniques(techniques, select(extra), 'r.yaml').map((t) => t.instance);
    expect(ids({ techniques: ['xpia-*'] })).toEqual(['xpia-email']);
    expect(ids({ techniques: ['many-shot(shots=4)'] })).toEqual(['many-shot(shots=4)']);
    expect(ids({ owasp: ['LLM01'] })).toEqual(['xpia-email', 'many-shot(shots=4)']);
    expect(ids({ atlas: ['AML.T0051'] })).toEqual(['xpia-email']);
    expect(() => ids({ owasp: ['LLM10'] })).toThrow(ConfigError);
  });

  it('keeps converter chains by id glob', () => {
    const chains = ['none', 'base64', 'leetspeak+base64'].map((id) => ({ chain: { id } }));
    expect(selectChains(chains, select({ converters: ['*base64'] }), 'r.yaml').map((c) => c.chain.id)).toEqual(['base64', 'leetspeak+base64']);
    expect(() => selectChains(chains, select({ converters: ['rot13'] }), 'r.yaml')).toThrow(/keeps none of the configured chains \(none, base64, leetspeak\+base64\)/);
  });
});
