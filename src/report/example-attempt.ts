import type { Outcome, Persona, Score, Turn } from '../core/index.js';

/** One attempt shown in full in the HTML report, as a transcript under its cell. */
export type ExampleAttempt = {
  /** Plan position, when known. */
  readonly seq?: number;
  /** Goal id. */
  readonly goalId: string;
  /** The goal's request in plain words. */
  readonly goalText: string;
  /** Technique id. */
  readonly technique: string;
  /** Converter chain id, e.g. 'none' or 'leetspeak+base64'. */
  readonly chainId: string;
  /** Goal category. */
  readonly category: string;
  /** Goal persona. */
  readonly persona: Persona;
  /** Trial number, 0-based. */
  readonly trial: number;
  /** The attempt's outcome. */
  readonly outcome: Outcome;
  /** The conversation, oldest first: text as sent, the text before conversion, tool calls and planted documents. */
  readonly turns: readonly Turn[];
  /** Every score given. */
  readonly scores: readonly Pick<Score, 'scorerId' | 'verdict' | 'label' | 'reason'>[];
  /** Why the attempt ended in error, in one line. */
  readonly error?: string;
};
