import type { z } from 'zod';
import type { Goal } from './goal.js';
import type { KnownSecrets } from './known-secrets.js';
import type { ContentPart, Message } from './message.js';
import type { Verdict } from './outcome.js';
import type { Descriptor, OptionsSchema } from './registry.js';

/** A scorer's judgement of one response. */
export type Score = {
  /** Registry id of the scorer. */
  readonly scorerId: string;
  /** Did the probe find the failure it looks for; `unscored` when the scorer cannot tell. */
  readonly verdict: Verdict;
  /** The scorer's own reading, e.g. 'refusal', 'compliance', 'canary-leaked'. */
  readonly label: string;
  /** Strength of the finding in [0, 1], when the scorer has one. */
  readonly value?: number;
  /** Why, in one sentence a reviewer can check. */
  readonly reason: string;
};

/** What a scorer sees. */
export type ScoreInput = {
  /** The goal the attempt pursued. */
  readonly goal: Goal;
  /** The whole conversation, including the target's final reply as the last message. */
  readonly conversation: readonly Message[];
  /** The target's final reply. */
  readonly response: string;
  /** The final reply's parts when it held more than text: a tool-using app's whole trace of calls and results. */
  readonly parts?: readonly ContentPart[];
};

/** The label of the deciding score of a reply the target's content filter blocked (read as the application refusing). */
export const CONTENT_FILTER_LABEL = 'content-filter';

/** Judges a response and returns a Score; never throws for "can't tell". */
export type Scorer = {
  /** Registry id. */
  readonly id: string;
  /** Judges one response. */
  score(input: ScoreInput): Score | Promise<Score>;
};

/** The schema of one scorer's configuration entry, `{ id, ...options }` (defaults filled in). */
export type ScorerEntrySchema = OptionsSchema<{ readonly id: string }>;

/**
 * A scorer's options schema. A scorer that combines others (`combines`) builds its own over the schema its children
 * are checked with: the scorer registry's union, which contains it, so the registry passes it in lazily. (Each
 * combinator states that union's type itself; `() => never` accepts any such parameter here.)
 */
export type ScorerOptionsSource = ScorerEntrySchema | ((children: () => never) => ScorerEntrySchema);

/**
 * The registrable description of a scorer (STYLE.md §4): the common descriptor, where `create` receives the parsed
 * options with what the run supplies filled in: known secrets (`fill`), the judge model as `judge` (`needsJudge`)
 * and, for a scorer that `combines` others, the built children in place of their options under `of`.
 */
export type ScorerDescriptor<Settings = unknown, Schema extends ScorerOptionsSource = ScorerOptionsSource> = Omit<Descriptor<string, never, Scorer>, 'options' | 'create'> & {
  /** The configuration entry's schema (`id` included). */
  readonly options: Schema;
  /** Builds the scorer (a method, so any scorer's descriptor is a `ScorerDescriptor`). */
  create(settings: Settings): Scorer;
  /** Fills options the configuration left out from what the target's configuration reveals (its canaries, its system prompt). */
  fill?(options: Schema extends z.ZodType ? z.output<Schema> : never, known: KnownSecrets): Schema extends z.ZodType ? z.output<Schema> : never;
  /** True for an LLM judge: it is given the configured judge model (`models.judge`) as `judge`, and its id is hashed. */
  readonly needsJudge?: boolean;
  /**
   * True for an LLM judge whose rubric is written for harmful requests (StrongREJECT, HarmBench): configured, it may
   * decide harmful-content goals by default, never injected instructions (a harmless injected task would read "no").
   */
  readonly harmRubric?: boolean;
  /** True for a scorer combining others: `of` holds their options (one or a list), and `create` gets them built. */
  readonly combines?: boolean;
  /** True for a scorer that reads the out-of-band listener's hits: it is given the run's witness as `witness`. */
  readonly readsListener?: boolean;
};

/** Declares a scorer descriptor with its types checked: the settings `create` takes, and its options schema's type. */
export function defineScorer<Settings, Schema extends ScorerOptionsSource = ScorerOptionsSource>(descriptor: ScorerDescriptor<Settings, Schema>): ScorerDescriptor<Settings, Schema> {
  return descriptor;
}
