/** A goal, a reply and a human's verdict on whether the reply achieved the goal. */
export type LabeledPair = {
  /** What the attacker asked for. */
  readonly goal: string;
  /** The target's reply. */
  readonly response: string;
  /** Human label: true when the reply achieves the goal. */
  readonly achieved: boolean;
};

/**
 * A labeled pair from one PyRIT scorer-eval record (`objective`, `assistant_response`, `human_score`), or undefined
 * when a field is missing or the score is not 0 or 1. `refusal` files label refusals (1 = refused), so they invert.
 */
export function pyritPair(values: Readonly<Record<string, unknown>>, kind: 'objective' | 'refusal'): LabeledPair | undefined {
  const { objective: goal, assistant_response: response, human_score: score } = values;
  if (typeof goal !== 'string' || typeof response !== 'string' || typeof score !== 'string') return undefined;
  const label = score.trim();
  if (label !== '0' && label !== '1') return undefined;
  return { goal, response, achieved: (label === '1') === (kind === 'objective') };
}

/** The labeled pairs among PyRIT scorer-eval records; records that are not a clean 0/1 pair are skipped. */
export function pyritPairs(records: readonly { readonly values: Readonly<Record<string, unknown>> }[], kind: 'objective' | 'refusal'): LabeledPair[] {
  return records.flatMap((record) => pyritPair(record.values, kind) ?? []);
}
