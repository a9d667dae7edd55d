import type { Converter, ConverterDescriptor } from '../core/converter.js';
import { contentHash } from '../core/hash.js';
import { optionsId, parseOptions, type ComponentOptions } from '../core/options.js';

/** One step of a chain: a converter and its options. */
export type ChainStep = {
  /** The converter. */
  readonly descriptor: ConverterDescriptor;
  /** Its options, defaults merged in. */
  readonly options: ComponentOptions;
};

/** An ordered list of converters applied one after another. */
export type ConverterChain = {
  /** 'none' for the empty chain, else the step ids joined with '+', e.g. 'leetspeak+caesar(shift=5)'. */
  readonly id: string;
  /** The steps, in application order. */
  readonly steps: readonly ChainStep[];
  /** Applies every step in order. */
  convert(text: string): string;
  /** True when some step can be undone: a reply written in kind can be read back. */
  readonly reversible: boolean;
  /** Undoes the reversible steps, last first (framings and noise have no decoder and are passed over). */
  decode(text: string): string;
};

/** Text every chain hash is computed over, so a change in a converter's output changes the hash. */
const PROBE = 'Redline probe: The quick brown fox, 42 times — ünïcödé?';

/** A chain step with its options parsed by the converter's schema (defaults filled in); a bad option is a ConfigError. */
export function chainStep(descriptor: ConverterDescriptor, options: ComponentOptions = {}): ChainStep {
  return { descriptor, options: parseOptions({ kind: 'converter', id: descriptor.id, schema: descriptor.options }, options) };
}

/** The id of one step: the converter id, with the options that differ from its defaults. */
export function stepId(step: ChainStep): string {
  return optionsId(step.descriptor.id, step.options, step.descriptor.defaults);
}

/** The id of a chain of steps. */
export function chainId(steps: readonly ChainStep[]): string {
  return steps.length === 0 ? 'none' : steps.map(stepId).join('+');
}

/** Builds a chain from steps (or bare descriptors, at their defaults). */
export function buildChain(steps: readonly (ChainStep | ConverterDescriptor)[]): ConverterChain {
  const normal = steps.map((s) => ('descriptor' in s ? s : chainStep(s)));
  const converters: Converter[] = normal.map((s) => s.descriptor.create(s.options));
  const decoders = converters.flatMap((c) => (c.decode === undefined ? [] : [c.decode.bind(c)])).reverse();
  return {
    id: chainId(normal),
    steps: normal,
    convert: (text) => converters.reduce((acc, c) => c.convert(acc), text),
    reversible: decoders.length > 0,
    decode: (text) => decoders.reduce((acc, decode) => decode(acc), text),
  };
}

/** Stable hash of a chain: its ids, versions, options and its output on a fixed probe text. */
export function chainHash(chain: ConverterChain): string {
  return contentHash({ steps: chain.steps.map((s) => [s.descriptor.id, s.descriptor.version, s.options]), probe: chain.convert(PROBE) });
}
