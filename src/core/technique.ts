import type { ConversationControls, ConversationOutcome } from './conversation.js';
import type { Goal } from './goal.js';
import type { Message } from './message.js';
import type { Persona } from './outcome.js';
import { optionsFromDefaults, type ComponentOptions } from './options.js';
import type { Descriptor, OptionsSchema } from './registry.js';
import type { TaxonomyTags } from './taxonomy.js';

/** What a single-turn technique produces for one goal: the conversation to send. */
export type AttackPrompt = {
  /** Turns to send, oldest first; may include fabricated prior turns. The last is the user turn. */
  readonly messages: readonly Message[];
  /** Documents to plant for the application to ingest (indirect injection). */
  readonly documents?: readonly string[];
};

/** A framing that turns a goal into a prompt. */
export type Technique = {
  /** Registry id. */
  readonly id: string;
  /** Builds the prompt for a goal. Pure and deterministic. */
  build(goal: Goal): AttackPrompt;
  /**
   * Language to send the final user turn in: the engine translates it with the translator model (`models.translator`)
   * before sending, and translates the reply back to English before scoring (low-resource-language attacks).
   */
  readonly translateTo?: string;
  /**
   * A multi-turn technique (an orchestrator) converses instead of sending one prompt; `build` then gives its
   * opening prompt, for hashing and previews.
   */
  converse?(controls: ConversationControls): Promise<ConversationOutcome>;
};

/** The registrable description of a technique (STYLE.md §4): the common descriptor plus what planning needs. */
export type TechniqueDescriptor<Id extends string = string> = Descriptor<Id, ComponentOptions, Technique> & {
  /** The public source the technique comes from, in one line. */
  readonly source: string;
  /** Framework ids. */
  readonly taxonomy: TaxonomyTags;
  /** The personas whose traffic this technique imitates (a benign goal only gets benign-capable techniques). */
  readonly personas: readonly Persona[];
  /** Goal categories this technique is meant for; absent means every goal. */
  readonly categories?: readonly string[];
  /** True when the technique asks an attacker model (the configuration must name `models.attacker`). */
  readonly needsAttacker?: boolean;
  /** Options with no usable default, which the configuration must set (e.g. a template file); listings skip it. */
  readonly requires?: readonly string[];
  /** Default options of a parameterized technique (absent: it takes none); `options` is derived from them. */
  readonly defaults?: ComponentOptions;
};

/** What a technique file declares: the descriptor without its options schema, which its defaults give. */
export type TechniqueSpec = Omit<TechniqueDescriptor, 'options'>;

/** Declares a technique descriptor with its types checked; its options schema types each key like its default. */
export function defineTechnique<const D extends TechniqueSpec>(spec: D): D & { readonly options: OptionsSchema<ComponentOptions> } {
  return { ...spec, options: optionsFromDefaults(spec.defaults) };
}

/** True when the technique is meant for this goal: its persona and, when the technique names any, its category. */
export function techniqueApplies(descriptor: TechniqueDescriptor, goal: Goal): boolean {
  if (!descriptor.personas.includes(goal.persona)) return false;
  return descriptor.categories === undefined || descriptor.categories.includes(goal.category);
}
