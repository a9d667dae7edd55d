// Vulnerability classes of Microsoft's "Vulnerability Severity Classification for AI Systems" (MSRC AI bug bar).

/** The bug-bar classes of a security finding, with the display name of each. */
export const BUG_BAR_CLASSES = {
  'inference-manipulation': 'Inference Manipulation',
  'model-manipulation': 'Model Manipulation',
  'inferential-information-disclosure': 'Inferential Information Disclosure',
} as const;

/** A bug-bar class id, e.g. 'inference-manipulation' (prompt injection, input perturbation). */
export type BugBarClass = keyof typeof BUG_BAR_CLASSES;
