// Model extraction by training a copy on the victim's answers: Correia-Silva et al., "Copycat CNN", IJCNN 2018, and
// Orekondy et al., "Knockoff Nets", CVPR 2019 (probability outputs as soft labels; argmax outputs as hard labels).
import type { MlAttackInfo, MlInput, Oracle, TensorSpec } from '../../core/ml.js';
import { seededRandom, type Random } from '../../core/random.js';
import { createMlp, oneHot, predictProbabilities, trainMlp, type Mlp } from '../mlp.js';
import { argmax, normal } from '../vector.js';

/** What `redline ml attacks` says about the copycat extraction. */
export const COPYCAT: MlAttackInfo = {
  id: 'copycat',
  summary: 'Model extraction: trains a surrogate on the victim\'s answers to the attacker\'s queries (probabilities or argmax labels).',
  access: 'label',
  modalities: ['tabular', 'image'],
  norm: 'l0',
  source: 'Correia-Silva et al., Copycat CNN, IJCNN 2018; Orekondy et al., Knockoff Nets, CVPR 2019',
  taxonomy: { atlas: ['AML.T0024.002', 'AML.T0040'], owasp: [] },
};

/** How the copy learns: from the victim's class probabilities, or from its winning label alone. */
export type ExtractionMode = 'probabilities' | 'argmax';

/** One surrogate, trained on the victim's answers to the first `budget` queries. */
export type Surrogate = {
  /** Queries it was trained on. */
  readonly budget: number;
  /** The copy. */
  readonly model: Mlp;
  /** Of those queries, how many were pool inputs (the rest are jittered copies of them). */
  readonly fromPool: number;
};

/**
 * The attacker's queries: the pool in order, then — past its end — pool inputs with Gaussian pixel noise (σ = 10 % of
 * the range), the cheap augmentation Jacobian-based and Knockoff attackers use when their unlabelled data runs out.
 */
export function extractionQueries(pool: readonly Float32Array[], options: { readonly count: number; readonly input: TensorSpec; readonly random: Random }): Float32Array[] {
  const { min, max } = options.input;
  const out: Float32Array[] = [];
  for (let i = 0; i < options.count; i += 1) {
    const base = pool[i % pool.length]!;
    if (i < pool.length) {
      out.push(base);
      continue;
    }
    const jittered = new Float32Array(base.length);
    for (let j = 0; j < base.length; j += 1) jittered[j] = Math.min(max, Math.max(min, base[j]! + 0.1 * (max - min) * normal(options.random)));
    out.push(jittered);
  }
  return out;
}

/**
 * Queries the victim once for the largest budget and trains one surrogate per budget on the first `budget` answers
 * (nested, as a real attacker's growing query log): soft labels in probability mode, one-hot labels in argmax mode.
 */
export async function stealModel(options: {
  readonly oracle: Oracle;
  readonly pool: readonly Float32Array[];
  readonly budgets: readonly number[];
  readonly mode: ExtractionMode;
  readonly input: TensorSpec;
  readonly classes: number;
  readonly hidden: number;
  readonly seed: number;
}): Promise<Surrogate[]> {
  const budgets = [...options.budgets].sort((a, b) => a - b);
  const largest = budgets[budgets.length - 1] ?? 0;
  const random = seededRandom(options.seed);
  const queries = extractionQueries(options.pool, { count: largest, input: options.input, random });
  const answers = [];
  for (let at = 0; at < queries.length; at += 500) answers.push(...(await options.oracle.query(queries.slice(at, at + 500) as readonly MlInput[])));
  const targets = answers.map((a) => (options.mode === 'probabilities' && a.probabilities !== undefined ? a.probabilities : oneHot(a.label, options.classes)));
  return budgets.map((budget) => {
    const model = createMlp([queries[0]!.length, options.hidden, options.classes], seededRandom(options.seed ^ budget));
    // About 20,000 gradient steps' worth of rows whatever the budget, so a small log is not under-trained.
    const epochs = Math.min(40, Math.max(8, Math.ceil(20_000 / budget)));
    trainMlp(model, queries.slice(0, budget), targets.slice(0, budget), { epochs, learningRate: 2e-3, random: seededRandom(options.seed ^ (budget * 31)) });
    return { budget, model, fromPool: Math.min(budget, options.pool.length) };
  });
}

/** The surrogate's label for an input. */
export function surrogateLabel(surrogate: Surrogate, input: Float32Array): number {
  return argmax(predictProbabilities(surrogate.model, input));
}
