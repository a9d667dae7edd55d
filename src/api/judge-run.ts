import { builtinComponents, type Components } from '../config/components.js';
import type { TaxonomyTags } from '../core/taxonomy.js';
import type { GatedRun } from '../report/gates/gate.js';
import { judgeRun as judgeWith, type JudgeInput } from '../report/gates/report-policy.js';

// The policy a run is judged by, from here as well as from report-formats: a scan checks its gates before sending
// anything, and importing the formats' module for it would load every renderer first.
export { reportPolicy } from '../report/gates/report-policy.js';

/** A technique's framework ids from the registry (a plugin's, when its components are given), by registry id. */
export function techniqueTaxonomy(id: string, components: Components = builtinComponents): TaxonomyTags | undefined {
  return components.techniques.find(id)?.taxonomy;
}

/**
 * Rates a run's cells (with each technique's ATLAS and OWASP ids from the registry, plugins' included when the
 * configuration's components are given) and applies the gates.
 */
export function judgeRun(input: Omit<JudgeInput, 'techniqueTaxonomy'> & { readonly components?: Components }): GatedRun {
  const { components, ...rest } = input;
  return judgeWith({ ...rest, techniqueTaxonomy: (id) => techniqueTaxonomy(id, components) });
}
