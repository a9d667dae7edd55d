import type { Goal } from '../../core/goal.js';
import { defineTechnique, type AttackPrompt, type TechniqueDescriptor } from '../../core/technique.js';
import type { TaxonomyTags } from '../../core/taxonomy.js';

/** What a security probe declares: everything but the parts every probe shares (persona, version, create). */
export type SecurityTechniqueSpec = {
  /** Registry id, e.g. 'extract-repeat-above'. */
  readonly id: string;
  /** One line for `redline list techniques`. */
  readonly summary: string;
  /** The public source, in one line. */
  readonly source: string;
  /** Framework ids. */
  readonly taxonomy: TaxonomyTags;
  /** Goal categories the probe is meant for; absent means every malicious goal. */
  readonly categories?: readonly string[];
  /** Builds the prompt for a goal. Pure and deterministic. */
  readonly build: (goal: Goal) => AttackPrompt;
};

/** Declares an option-less, attacker-persona technique from a spec, keeping its literal id; the batteries build theirs with it. */
export function securityTechnique<const Id extends string>(spec: SecurityTechniqueSpec & { readonly id: Id }): TechniqueDescriptor<Id> {
  const { build, categories, ...described } = spec;
  return defineTechnique({
    ...described,
    personas: ['malicious'],
    version: 1,
    ...(categories === undefined ? {} : { categories }),
    create: () => ({ id: spec.id, build }),
  });
}
