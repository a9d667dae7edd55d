import type { TaxonomyTags } from '../core/taxonomy.js';
import type { GatedRun } from '../report/gates/gate.js';
import { judgeRun as judgeWith, type JudgeInput } from '../report/gates/report-policy.js';
import { techniqueRegistry } from '../techniques/registry.js';

/** A technique's framework ids from the registry, by registry id. */
export function techniqueTaxonomy(id: string): TaxonomyTags | undefined {
  return techniqueRegistry.find((d) => d.id === id)?.taxonomy;
}

/** Rates a run's cells (with each technique's ATLAS and OWASP ids from the registry) and applies the gates. */
export function judgeRun(input: Omit<JudgeInput, 'techniqueTaxonomy'>): GatedRun {
  return judgeWith({ ...input, techniqueTaxonomy });
}
