/** A model's probability for one row beside the row's label. */
export type ScoredLabel = {
  /** The model's probability of the positive class. */
  readonly probability: number;
  /** The label: true for the positive class. */
  readonly actual: boolean;
};

/**
 * The threshold that classifies the most rows correctly (a row is positive at or above it). Candidates are the
 * midpoints between neighbouring probabilities; ties go to the candidate nearest 0.5, so the choice is stable.
 */
export function chooseThreshold(rows: readonly ScoredLabel[]): number {
  const sorted = [...new Set(rows.map((r) => r.probability))].sort((a, b) => a - b);
  const candidates = [0.5, ...sorted.slice(1).map((p, i) => (p + (sorted[i] ?? p)) / 2)];
  let best = 0.5;
  let bestCorrect = -1;
  for (const threshold of candidates) {
    const correct = rows.filter((r) => r.probability >= threshold === r.actual).length;
    const closer = Math.abs(threshold - 0.5) < Math.abs(best - 0.5);
    if (correct > bestCorrect || (correct === bestCorrect && closer)) [best, bestCorrect] = [threshold, correct];
  }
  return best;
}
