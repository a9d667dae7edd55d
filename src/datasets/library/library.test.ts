import { describe, expect, it } from 'vitest';
import { benignGoals, harmfulGoals, hazardCategories, libraryGoals } from './index.js';

describe('built-in goal library', () => {
  it('has unique library ids, and no goal names a scorer: the run decides each by what it is', () => {
    expect(new Set(libraryGoals.map((g) => g.id)).size).toBe(libraryGoals.length);
    expect(libraryGoals).toHaveLength(harmfulGoals.length + benignGoals.length);
    for (const goal of libraryGoals) {
      expect(goal.id).toMatch(/^library\/[a-z0-9]+(?:-[a-z0-9]+)*$/u);
      expect(goal).toMatchObject({ source: 'library' });
      expect(goal.scorer).toBeUndefined();
      expect(goal.text).toMatch(/^[A-Z].*[.?]$/u);
    }
  });

  it('gives every hazard category at least three malicious goals, and no goal an unknown category', () => {
    const ids = hazardCategories.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) {
      expect(id).toMatch(/^[a-z]+(?:-[a-z]+)*$/u);
      expect(harmfulGoals.filter((g) => g.category === id).length).toBeGreaterThanOrEqual(3);
    }
    for (const goal of harmfulGoals) {
      expect(ids).toContain(goal.category);
      expect(goal.persona).toBe('malicious');
    }
  });

  it('has at least 20 benign look-alike requests, each saying why it looks risky', () => {
    expect(benignGoals.length).toBeGreaterThanOrEqual(20);
    for (const goal of benignGoals) {
      expect(goal).toMatchObject({ persona: 'benign', category: 'benign' });
      expect(goal.metadata?.['type']).toMatch(/^[a-z-]+$/u);
    }
  });
});
