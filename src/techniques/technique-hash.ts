import { contentHash } from '../core/hash.js';
import type { TechniqueDescriptor } from '../core/technique.js';

/** A fixed goal every technique hash is computed over, so a change in a technique's wording changes its hash. */
const PROBE_GOAL = { id: 'probe', text: 'Describe the probe.', category: 'probe', persona: 'malicious', source: 'probe' } as const;

/** Stable hash of a technique: id, version and the prompt it builds for a fixed probe goal. */
export function techniqueHash(descriptor: TechniqueDescriptor): string {
  return contentHash({ id: descriptor.id, version: descriptor.version, probe: descriptor.create().build(PROBE_GOAL) });
}
