import type { ConverterDescriptor } from '../core/converter.js';
import { contentHash } from '../core/hash.js';

/** An ordered list of converters applied one after another. */
export type ConverterChain = {
  /** 'none' for the empty chain, else the ids joined with '+', e.g. 'leetspeak+base64'. */
  readonly id: string;
  /** The descriptors, in application order. */
  readonly steps: readonly ConverterDescriptor[];
  /** Applies every step in order. */
  convert(text: string): string;
};

/** Text every chain hash is computed over, so a change in a converter's output changes the hash. */
const PROBE = 'Redline probe: The quick brown fox, 42 times — ünïcödé?';

/** The id of a chain of converter ids. */
export function chainId(ids: readonly string[]): string {
  return ids.length === 0 ? 'none' : ids.join('+');
}

/** Builds a chain from descriptors. */
export function buildChain(steps: readonly ConverterDescriptor[]): ConverterChain {
  const converters = steps.map((d) => d.create());
  return {
    id: chainId(steps.map((d) => d.id)),
    steps,
    convert: (text) => converters.reduce((acc, c) => c.convert(acc), text),
  };
}

/** Stable hash of a chain: its ids, versions and its output on a fixed probe text. */
export function chainHash(chain: ConverterChain): string {
  return contentHash({ steps: chain.steps.map((d) => [d.id, d.version]), probe: chain.convert(PROBE) });
}
