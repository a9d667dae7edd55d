// The shared shape of Redline's single-turn jailbreak framings: malicious persona, jailbreak taxonomy, one user turn.
import type { Goal } from '../../core/goal.js';
import type { ComponentOptions } from '../../core/options.js';
import { defineTechnique, type AttackPrompt, type TechniqueDescriptor } from '../../core/technique.js';
import type { TaxonomyTags } from '../../core/taxonomy.js';
import { userTurn } from '../user-turn.js';
import { optionReader, type OptionReader } from './option-reader.js';

/** MITRE ATLAS LLM Jailbreak; OWASP LLM01 Prompt Injection. */
export const jailbreakTaxonomy: TaxonomyTags = { atlas: ['AML.T0054'], owasp: ['LLM01:2025'] };

/** A jailbreak that also issues instructions of its own: ATLAS direct prompt injection as well. */
export const overrideTaxonomy: TaxonomyTags = { atlas: ['AML.T0054', 'AML.T0051.000'], owasp: ['LLM01:2025'] };

/** What a jailbreak framing declares; personas, version and the technique wrapper are shared. */
export type JailbreakSpec<Id extends string, Settings> = {
  /** Registry id, e.g. 'prefix-injection'. */
  readonly id: Id;
  /** One line for `redline list techniques`. */
  readonly summary: string;
  /** The public source, in one line. */
  readonly source: string;
  /** Framework ids; `jailbreakTaxonomy` when absent. */
  readonly taxonomy?: TaxonomyTags;
  /** Default options, for a parameterized framing. */
  readonly defaults?: ComponentOptions;
  /** Reads and checks the options once, when the technique is built (so a bad option fails before the run). */
  readonly settings?: (options: OptionReader) => Settings;
  /** Frames a goal: text is sent as one user turn, a prompt as it is. */
  readonly frame: (goal: Goal, settings: Settings) => string | AttackPrompt;
};

/** A technique descriptor whose id keeps its literal type, so registry ids stay typed. */
export type JailbreakDescriptor<Id extends string> = TechniqueDescriptor & { readonly id: Id };

/** Declares a single-turn jailbreak technique for the malicious persona. */
export function defineJailbreak<const Id extends string, Settings = undefined>(
  spec: JailbreakSpec<Id, Settings>,
): JailbreakDescriptor<Id> {
  const { id, summary, source, taxonomy = jailbreakTaxonomy, defaults, settings, frame } = spec;
  const descriptor = defineTechnique({
    id,
    summary,
    source,
    taxonomy,
    personas: ['malicious'],
    version: 1,
    ...(defaults === undefined ? {} : { defaults }),
    create: (options) => {
      const read = settings?.(optionReader(id, options)) as Settings;
      return {
        id,
        build: (goal) => {
          const framed = frame(goal, read);
          return typeof framed === 'string' ? userTurn(framed) : framed;
        },
      };
    },
  });
  return { ...descriptor, id };
}
