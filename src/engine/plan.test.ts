import { describe, expect, it } from 'vitest';
import { buildChain, chainHash } from '../converters/chain.js';
import { base64 } from '../converters/encoding/base64.js';
import { starterGoals } from '../datasets/starter-goals.js';
import { techniqueRegistry } from '../techniques/registry.js';
import { prepareTechnique } from '../techniques/technique-hash.js';
import { planRun } from './plan.js';

const goals = starterGoals.map((goal) => ({ goal, hash: goal.id }));
const techniques = techniqueRegistry.filter((d) => d.requires === undefined).map((descriptor) => prepareTechnique(descriptor));
const chain = (steps: Parameters<typeof buildChain>[0]) => {
  const c = buildChain(steps);
  return { chain: c, hash: chainHash(c) };
};

describe('plan', () => {
  it('counts exactly what it enumerates, with unique consecutive seqs', () => {
    const plan = planRun({ goals, techniques, chains: [chain([]), chain([base64])], trials: 3 });
    const all = [...plan.attempts()];
    expect(all).toHaveLength(plan.size);
    expect(all.map((a) => a.seq)).toEqual(all.map((_, i) => i));
    expect([...plan.attempts()].map((a) => `${a.goal.goal.id}|${a.technique.descriptor.id}|${a.chain.chain.id}|${a.trial}`)).toEqual(
      all.map((a) => `${a.goal.goal.id}|${a.technique.descriptor.id}|${a.chain.chain.id}|${a.trial}`),
    );
  });

  it('is goals × techniques × chains × trials when every technique applies', () => {
    const malicious = goals.filter((g) => g.goal.persona === 'malicious');
    const generic = techniques.filter((t) => t.descriptor.categories === undefined);
    const plan = planRun({ goals: malicious, techniques: generic, chains: [chain([]), chain([base64])], trials: 4 });
    expect(plan.size).toBe(malicious.length * generic.length * 2 * 4);
    expect(plan.skippedPairs).toBe(0);
  });

  it('sends benign goals only with benign-capable techniques and unconverted', () => {
    const plan = planRun({ goals, techniques, chains: [chain([base64])], trials: 1 });
    const benign = [...plan.attempts()].filter((a) => a.goal.goal.persona === 'benign');
    expect(benign.length).toBeGreaterThan(0);
    for (const a of benign) {
      expect(a.technique.descriptor.personas).toContain('benign');
      expect(a.chain.chain.id).toBe('none');
    }
  });
});
