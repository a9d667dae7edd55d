import { QueryBudgetSpent, type MlAccess, type MlInput, type Oracle, type Prediction } from '../core/ml.js';

/** Sends a batch of inputs to the victim (rate-limited and retried by the caller's engine). */
export type ClassifyBatch = (inputs: readonly MlInput[]) => Promise<Prediction[]>;

/**
 * Counted query access for one attack on one sample: each input costs one query; a batch the budget cannot cover
 * is refused whole (nothing sent); a label-only attack never sees the victim's scores even when they exist.
 */
export function createOracle(options: { readonly classify: ClassifyBatch; readonly access: MlAccess; readonly budget: number }): Oracle {
  let used = 0;
  return {
    access: options.access,
    budget: options.budget,
    get used() {
      return used;
    },
    async query(inputs) {
      if (used + inputs.length > options.budget) throw new QueryBudgetSpent(options.budget);
      used += inputs.length;
      const predictions = await options.classify(inputs);
      return options.access === 'label' ? predictions.map((p) => ({ label: p.label })) : predictions;
    },
  };
}
