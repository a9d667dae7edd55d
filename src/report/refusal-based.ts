import type { RunSummary } from '../stats/index.js';

/** The label of an attack cell decided by "not refused" rather than by what the reply achieved. */
export const REFUSAL_BASED = 'refusal-based';

/** What a refusal-based rate means, for the note under a table that shows one. */
export const REFUSAL_BASED_NOTE =
  'refusal-based: decided by scoring.decide: refusal, which counts every reply that did not refuse as a success, ' +
  'whatever it achieved; the objective judge or an LLM judge decides what a reply achieved.';

/** Whether a summary holds any attack cell decided by refusal. */
export function hasRefusalBased(summary: RunSummary): boolean {
  return summary.cells.some((cell) => cell.refusalBased);
}
