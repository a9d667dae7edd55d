/** Joins each attempt `a` to its human review `r`, when it has one. */
export const REVIEW_JOIN = 'LEFT JOIN reviews r ON r.attempt_id = a.id';

/** The outcome summaries count: the human reviewer's verdict when there is one, else the machine's. */
export const EFFECTIVE_OUTCOME = 'COALESCE(r.verdict, a.outcome)';

/** Outcome counts of a group of attempts `a` joined with REVIEW_JOIN. */
export const OUTCOME_COUNTS = `SUM(${EFFECTIVE_OUTCOME} = 'success') AS success, SUM(${EFFECTIVE_OUTCOME} = 'failure') AS failure,
  SUM(${EFFECTIVE_OUTCOME} = 'error') AS error, SUM(${EFFECTIVE_OUTCOME} = 'unscored') AS unscored, COUNT(r.attempt_id) AS reviewed`;
