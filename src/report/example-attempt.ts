import type { AttemptView } from '../core/run-store.js';
import type { Score } from '../core/score.js';

/**
 * One attempt shown in full in the HTML report, as a transcript under its cell: the fields of a stored attempt the
 * transcript reads (a store's `attempts.examples` gives them), the plan position optional for hand-made examples.
 */
export type ExampleAttempt = Pick<AttemptView, 'goalId' | 'goalText' | 'technique' | 'chainId' | 'category' | 'persona' | 'trial' | 'outcome' | 'turns' | 'error'> & {
  /** Plan position, when known. */
  readonly seq?: number;
  /** Every score given. */
  readonly scores: readonly Pick<Score, 'scorerId' | 'verdict' | 'label' | 'reason'>[];
};
