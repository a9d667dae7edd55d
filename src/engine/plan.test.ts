import { describe, expect, it } from 'vitest';
import { buildChain } from '../converters/chain.js';
import { base64 } from '../converters/encoding/base64.js';
import { starterGoals } from '../datasets/starter-goals.js';
import { techniqueRegistry } from '../techniques/registry.js';
import { plannedChain, plannedGoal, plannedTechnique } from '../../test/support/planned.js';
import { planRun, type PlannedAttempt } from './plan.js';

const goals = starterGoals.map(plannedGoal);
const techniques = techniqueRegistry.filter((d) => d.requires === undefined).map((d) => plannedTechnique(d));
const identity = plannedChain();
const b64 = plannedChain(buildChain([base64]));
const key = (a: PlannedAttempt): string => `${a.goal.id}|${a.technique.instance}|${a.chain.instance}|${a.trial}`;

describe('plan', () => {
  it('counts exactly what it enumerates, with unique consecutive seqs, the same way every time', () => {
    const plan = planRun({ goals, techniques, chains: [identity, b64], identity, trials: 3 });
    const all = [...plan.attempts()];
    expect(all).toHaveLength(plan.size);
    expect(all.map((a) => a.seq)).toEqual(all.map((_, i) => i));
    expect([...plan.attempts()].map(key)).toEqual(all.map(key));
  });

  it('gives by position exactly the attempt the enumeration gives, as plain data', () => {
    const plan = planRun({ goals, techniques, chains: [identity, b64], identity, trials: 3 });
    const all = [...plan.attempts()];
    for (const a of all) expect(plan.at(a.seq)).toEqual(a);
    expect(JSON.parse(JSON.stringify(plan.at(7)))).toEqual(plan.at(7));
    expect(() => plan.at(plan.size)).toThrow(RangeError);
    expect(() => plan.at(-1)).toThrow(RangeError);
  });

  it('is goals × techniques × chains × trials when every technique applies', () => {
    const malicious = goals.filter((g) => g.goal.persona === 'malicious');
    const generic = techniques.filter((t) => t.descriptor.categories === undefined);
    const plan = planRun({ goals: malicious, techniques: generic, chains: [identity, b64], identity, trials: 4 });
    expect(plan.size).toBe(malicious.length * generic.length * 2 * 4);
    expect(plan.skippedPairs).toBe(0);
  });

  it('sends benign goals only with benign-capable techniques and unconverted', () => {
    const plan = planRun({ goals, techniques, chains: [b64], identity, trials: 1 });
    const benign = [...plan.attempts()].filter((a) => a.persona === 'benign');
    expect(benign.length).toBeGreaterThan(0);
    for (const a of benign) {
      expect(techniques.find((t) => t.ref.hash === a.technique.hash)!.descriptor.personas).toContain('benign');
      expect(a.chain.instance).toBe('none');
    }
  });
});
