import { contentHash } from '../core/hash.js';
import { optionsId, parseOptions, type ComponentOptions } from '../core/options.js';
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

/**
 * Builds a technique from options parsed by its schema (defaults filled in; a bad option is a ConfigError).
 * `resolvePath` maps a `file` option for reading only: the id and hash keep the path as written, so runs compare
 * across checkouts.
 */
export function prepareTechnique(descriptor: TechniqueDescriptor, options: ComponentOptions = {}, resolvePath?: (path: string) => string): PreparedTechnique {
  const merged = parseOptions({ kind: 'technique', id: descriptor.id, schema: descriptor.options }, options);
  const file = merged['file'];
  const technique = descriptor.create(resolvePath !== undefined && typeof file === 'string' && file !== '' ? { ...merged, file: resolvePath(file) } : merged);
  const hash = contentHash({ id: descriptor.id, version: descriptor.version, options: merged, probe: technique.build(PROBE_GOAL) });
  return { descriptor, id: optionsId(descriptor.id, merged, descriptor.defaults), options: merged, technique, hash };
}
