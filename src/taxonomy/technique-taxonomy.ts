import type { TaxonomyTags } from '../core/taxonomy.js';
import { techniqueRegistry } from '../techniques/registry.js';

/** A cell's technique resolved to its registry descriptor. */
export type ResolvedTechnique = {
  /** Registry id, e.g. 'many-shot' for the instance 'many-shot(shots=4)'; null when unknown. */
  readonly id: string | null;
  /** The descriptor's framework ids (none when unknown). */
  readonly taxonomy: TaxonomyTags;
};

/** Resolves the registry id the store recorded with a cell to its descriptor; a display id is never parsed back. */
export function resolveTechnique(id: string | undefined): ResolvedTechnique {
  const descriptor = id === undefined ? undefined : techniqueRegistry.find((d) => d.id === id);
  return descriptor === undefined ? { id: null, taxonomy: { atlas: [], owasp: [] } } : { id: descriptor.id, taxonomy: descriptor.taxonomy };
}
