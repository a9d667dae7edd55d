import { buildChain, chainHash, type ConverterChain } from '../../src/converters/chain.js';
import type { Goal } from '../../src/core/goal.js';
import { contentHash } from '../../src/core/hash.js';
import type { PlannedChain, PlannedGoal, PlannedTechnique } from '../../src/engine/plan.js';
import type { TechniqueDescriptor } from '../../src/core/technique.js';
import { prepareTechnique } from '../../src/techniques/technique-hash.js';

/** A goal with its reference, as a prepared run holds it. */
export function plannedGoal(goal: Goal): PlannedGoal {
  return { goal, ref: { kind: 'goal', id: goal.id, instance: goal.id, hash: contentHash(goal) } };
}

/** A technique at its defaults (or with options), with its reference. */
export function plannedTechnique(descriptor: TechniqueDescriptor, options: Record<string, string | number | boolean> = {}): PlannedTechnique {
  const t = prepareTechnique(descriptor, options);
  return { descriptor, technique: t.technique, ref: { kind: 'technique', id: descriptor.id, instance: t.id, hash: t.hash } };
}

/** A converter chain with its reference. */
export function plannedChain(chain: ConverterChain = buildChain([])): PlannedChain {
  return { chain, ref: { kind: 'chain', id: chain.id, instance: chain.id, hash: chainHash(chain) } };
}
