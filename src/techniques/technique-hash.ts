import { contentHash } from '../core/hash.js';
import { optionsId, type ComponentOptions } from '../core/options.js';
import type { Technique, TechniqueDescriptor } from '../core/technique.js';

/** A fixed goal every technique hash is computed over, so a change in a technique's wording changes its hash. */
const PROBE_GOAL = { id: 'probe', text: 'Describe the probe.', category: 'probe', persona: 'malicious', source: 'probe' } as const;

/** A technique built with its options, its display id and its content hash. */
export type PreparedTechnique = {
  /** The descriptor. */
  readonly descriptor: TechniqueDescriptor;
  /** Display id: the technique id, with the options that differ from its defaults. */
  readonly id: string;
  /** Options, defaults merged in. */
  readonly options: ComponentOptions;
  /** The built technique. */
  readonly technique: Technique;
  /** Stable hash: id, version, options and the prompt it builds for a fixed probe goal. */
  readonly hash: string;
};

/** Builds a technique with the descriptor's defaults merged under the given options. */
export function prepareTechnique(descriptor: TechniqueDescriptor, options: ComponentOptions = {}): PreparedTechnique {
  const merged = { ...descriptor.defaults, ...options };
  const technique = descriptor.create(merged);
  const hash = contentHash({ id: descriptor.id, version: descriptor.version, options: merged, probe: technique.build(PROBE_GOAL) });
  return { descriptor, id: optionsId(descriptor.id, merged, descriptor.defaults), options: merged, technique, hash };
}
