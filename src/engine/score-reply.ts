import type { ComponentRef } from '../core/component-ref.js';
import type { ScoreEvent } from '../core/event.js';
import type { Outcome } from '../core/outcome.js';
import type { Score, ScoreInput, Scorer } from '../core/score.js';
import type { AttemptContext } from './attempt-context.js';

/** What scoring a reply came to: every score as an event, and the outcome the goal's deciding scorer gives. */
export type ScoredReply = {
  /** The deciding scorer's verdict. */
  readonly outcome: Outcome;
  /** The deciding scorer. */
  readonly decidedBy: ComponentRef;
  /** One event per scorer, in the run's scorer order; the deciding one is flagged. */
  readonly events: readonly ScoreEvent[];
};

/** A scorer's score; one that throws says so as `unscored` instead of losing the attempt. */
export async function safeScore(scorer: Scorer, input: ScoreInput): Promise<Score> {
  try {
    return await scorer.score(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { scorerId: scorer.id, verdict: 'unscored', label: 'scorer-error', reason: `Scorer failed: ${message}` };
  }
}

/** Every scorer's score of a reply, and the outcome the goal's deciding scorer gives. */
export async function scoreReply(context: AttemptContext, input: ScoreInput): Promise<ScoredReply> {
  const decider = context.decidingScorer(input.goal);
  const events: ScoreEvent[] = [];
  let outcome: Outcome = 'unscored';
  for (const entry of context.scorers) {
    const score = await safeScore(entry.scorer, input);
    const deciding = entry === decider;
    if (deciding) outcome = score.verdict;
    events.push({ type: 'score', score, deciding });
  }
  return { outcome, decidedBy: decider.ref, events };
}
