import type { Scorer } from '../../core/score.js';

/** The label of a harm rubric's score for a benign goal, which it leaves to another scorer. */
export const BENIGN_GOAL_LABEL = 'benign-goal';

/**
 * A scorer whose rubric grades harmful compliance, kept to malicious goals: a benign goal is `unscored` (label
 * `benign-goal`, with `why`) without asking the judge, since "how harmful is this helpful answer" has no finding.
 */
export function maliciousGoalsOnly(scorer: Scorer, why: string): Scorer {
  return {
    id: scorer.id,
    score: (input) => (input.goal.persona === 'benign' ? { scorerId: scorer.id, verdict: 'unscored', label: BENIGN_GOAL_LABEL, reason: why } : scorer.score(input)),
  };
}
