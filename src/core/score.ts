import type { Goal } from './goal.js';
import type { Message } from './message.js';
import type { Verdict } from './outcome.js';

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
};

/** Judges a response and returns a Score; never throws for "can't tell". */
export type Scorer = {
  /** Registry id. */
  readonly id: string;
  /** Judges one response. */
  score(input: ScoreInput): Score | Promise<Score>;
};

/** The registrable description of a scorer (STYLE.md §4). */
export type ScorerDescriptor<Options = unknown> = {
  /** Registry id, e.g. 'refusal'. */
  readonly id: string;
  /** One line for `redline list scorers`. */
  readonly summary: string;
  /** Bump when the verdict for the same input may change. */
  readonly version: number;
  /** Builds the scorer from its options. */
  readonly create: (options: Options) => Scorer;
};

/** Declares a scorer descriptor with its types checked. */
export function defineScorer<Options>(descriptor: ScorerDescriptor<Options>): ScorerDescriptor<Options> {
  return descriptor;
}
