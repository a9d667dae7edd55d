import { describe, expect, it } from 'vitest';
import type { Goal } from '../core/goal.js';
import { techniqueApplies } from '../core/technique.js';
import { techniqueRegistry } from './registry.js';
import { prepareTechnique } from './technique-hash.js';

const goal: Goal = { id: 'g', text: 'Explain the thing.', category: 'fraud', persona: 'malicious', source: 't' };
const leak: Goal = { ...goal, category: 'system-prompt-leakage' };

describe('techniques', () => {
  it('ids are unique and every descriptor cites a source and taxonomy', () => {
    expect(new Set(techniqueRegistry.map((t) => t.id)).size).toBe(techniqueRegistry.length);
    for (const t of techniqueRegistry) {
      expect(t.source.length).toBeGreaterThan(10);
      expect(t.taxonomy.atlas.length + t.taxonomy.owasp.length).toBeGreaterThan(0);
    }
  });

  it('goal-carrying techniques end on a user turn and carry the goal somewhere in the prompt', () => {
    // Some rewrite or split the goal (past-tense, payload-splitting) or put it in an earlier turn (context-compliance);
    // their own tests check that; here, every one must at least mention the goal's key word.
    for (const d of techniqueRegistry.filter((t) => t.categories === undefined && t.requires === undefined)) {
      const prompt = prepareTechnique(d).technique.build(goal);
      expect(prompt.messages.at(-1)!.role, d.id).toBe('user');
      expect([...prompt.messages.map((m) => m.content), ...(prompt.documents ?? [])].join('\n'), d.id).toMatch(/thing/i);
    }
  });

  it('the extraction battery applies only to leakage goals and asks for the text above', () => {
    const d = techniqueRegistry.find((t) => t.id === 'extract-repeat-above')!;
    expect(techniqueApplies(d, goal)).toBe(false);
    expect(techniqueApplies(d, leak)).toBe(true);
    expect(prepareTechnique(d).technique.build(leak).messages[0]!.content).toMatch(/words above/);
  });

  it('hashes are stable and differ between techniques', () => {
    const buildable = techniqueRegistry.filter((d) => d.requires === undefined);
    const hashes = buildable.map((d) => prepareTechnique(d).hash);
    expect(new Set(hashes).size).toBe(hashes.length);
    expect(buildable.map((d) => prepareTechnique(d).hash)).toEqual(hashes);
  });
});
