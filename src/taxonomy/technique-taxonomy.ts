import type { TaxonomyTags } from '../core/taxonomy.js';
import { techniqueRegistry } from '../techniques/registry.js';

/** A cell's technique resolved to its registry descriptor. */
export type ResolvedTechnique = {
  /** Registry id, e.g. 'many-shot' for the display id 'many-shot(shots=4)'; null when unknown. */
  readonly id: string | null;
  /** The descriptor's framework ids (none when unknown). */
  readonly taxonomy: TaxonomyTags;
};

/**
 * Resolves a display id ('many-shot(shots=4)') to its descriptor: through `stored` (display id → descriptor id,
 * from the run's stored technique specs) when given, else by the display id's form `id(options)`.
 */
export function resolveTechnique(displayId: string, stored?: ReadonlyMap<string, string>): ResolvedTechnique {
  const id = stored?.get(displayId) ?? displayId.replace(/\(.*\)$/s, '');
  const descriptor = techniqueRegistry.find((d) => d.id === id);
  return descriptor === undefined ? { id: null, taxonomy: { atlas: [], owasp: [] } } : { id: descriptor.id, taxonomy: descriptor.taxonomy };
}
