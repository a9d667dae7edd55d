// HopSkipJumpAttack: Chen, Jordan & Wainwright, "HopSkipJumpAttack: A Query-Efficient Decision-Based Attack", IEEE S&P 2020.
import { QueryBudgetSpent, type EvasionAttack, type EvasionResult, type MlAttackInfo, type ProgressPoint } from '../../core/ml.js';
import { z } from 'zod';
import { l2, normalVector, stepClipped, unit } from '../vector.js';
import { adversarialFlags, boundaryBetween, randomAdversarial } from './boundary-search.js';

/** HopSkipJump's options (defaults follow the paper's L2 setting). */
export const hopSkipJumpOptions = z.strictObject({
  /** Boundary-direction samples at the first iteration; iteration t uses initialEvaluations·√t. */
  initialEvaluations: z.number().int().min(10).default(100),
  /** Most samples for one gradient estimate. */
  maxEvaluations: z.number().int().min(10).default(1000),
  /** Iterations at most (the query budget usually ends it first). */
  iterations: z.number().int().min(1).default(64),
});

/** HopSkipJump's parsed options. */
export type HopSkipJumpOptions = z.output<typeof hopSkipJumpOptions>;

/** What `redline ml attacks` says about HopSkipJump. */
export const HOP_SKIP_JUMP: MlAttackInfo = {
  id: 'hop-skip-jump',
  summary: 'Label-only L2 evasion: walks along the decision boundary with Monte-Carlo gradient-direction estimates.',
  access: 'label',
  modalities: ['tabular', 'image'],
  norm: 'l2',
  source: 'Chen, Jordan & Wainwright, HopSkipJumpAttack, IEEE S&P 2020 (arXiv:1904.02144)',
  taxonomy: { atlas: ['AML.T0015', 'AML.T0043.001', 'AML.T0040'], owasp: [] },
};

/** Untargeted L2 HopSkipJump: starts from a random misclassified point and shrinks its distance within the budget. */
export function hopSkipJump(options: HopSkipJumpOptions): EvasionAttack {
  return {
    id: HOP_SKIP_JUMP.id,
    async run({ sample, oracle, input, random, signal }): Promise<EvasionResult> {
      if (typeof sample.input === 'string' || input === undefined) throw new TypeError('hop-skip-jump attacks tensor inputs');
      const x = sample.input;
      const d = x.length;
      const range = input.max - input.min;
      // The threshold θ (ART's choice for L2, 0.01/√d; the paper's d^(-3/2) stalls on a few tabular features): in input
      // units for the searches' tolerance, relative for the probe radius δ = √d·θ·distance.
      const relative = 0.01 / Math.sqrt(d);
      const theta = range * relative;
      const progress: ProgressPoint[] = [];
      let best: Float32Array | undefined;
      const note = (candidate: Float32Array): void => {
        const distance = l2(candidate, x);
        if (best === undefined || distance < l2(best, x)) best = candidate;
        progress.push({ queries: oracle.used, distance: l2(best, x) });
      };
      let stopped = 'iterations done';
      try {
        const start = await randomAdversarial({ oracle, original: x, label: sample.label, input, random });
        if (start === undefined) return { progress, stopped: 'no misclassified starting point found' };
        let current = await boundaryBetween({ oracle, original: x, adversarial: start, label: sample.label, tolerance: theta / Math.max(l2(start, x), 1e-12) });
        note(current);
        for (let t = 1; t <= options.iterations; t += 1) {
          if (signal.aborted) {
            stopped = 'stopped';
            break;
          }
          const distance = l2(current, x);
          const delta = Math.sqrt(d) * relative * distance;
          const samples = Math.min(options.maxEvaluations, Math.round(options.initialEvaluations * Math.sqrt(t)));
          const direction = await estimateDirection({ oracle, at: current, delta, samples, label: sample.label, input, random });
          // Geometric progression of the step size, halved until the step stays adversarial.
          let step = distance / Math.sqrt(t);
          let moved: Float32Array | undefined;
          while (step > theta) {
            const candidate = stepClipped(current, direction, { scale: step, min: input.min, max: input.max });
            const [flag] = await adversarialFlags(oracle, [candidate], sample.label);
            if (flag) {
              moved = candidate;
              break;
            }
            step /= 2;
          }
          if (moved === undefined) continue;
          current = await boundaryBetween({ oracle, original: x, adversarial: moved, label: sample.label, tolerance: theta / Math.max(l2(moved, x), 1e-12) });
          note(current);
        }
      } catch (error) {
        if (!(error instanceof QueryBudgetSpent)) throw error;
        stopped = `query budget of ${error.budget} spent`;
      }
      // Every point kept was queried and found adversarial; the runner confirms the final one with one more query.
      return best === undefined ? { progress, stopped } : { adversarial: best, progress, stopped };
    },
  };
}

/** HopSkipJump's baseline-corrected Monte-Carlo estimate of the boundary's normal direction at `at`. */
async function estimateDirection(options: {
  readonly oracle: Parameters<typeof adversarialFlags>[0];
  readonly at: Float32Array;
  readonly delta: number;
  readonly samples: number;
  readonly label: number;
  readonly input: { readonly min: number; readonly max: number };
  readonly random: () => number;
}): Promise<Float32Array> {
  const { at, delta, input } = options;
  const budgetLeft = options.oracle.budget - options.oracle.used;
  const count = Math.max(2, Math.min(options.samples, budgetLeft));
  const directions: Float32Array[] = [];
  const probes: Float32Array[] = [];
  for (let b = 0; b < count; b += 1) {
    const u = unit(normalVector(at.length, options.random));
    const probe = stepClipped(at, u, { scale: delta, min: input.min, max: input.max });
    // The direction actually taken after clipping, so the estimate stays unbiased near the range's edges.
    const taken = new Float32Array(at.length);
    for (let i = 0; i < taken.length; i += 1) taken[i] = probe[i]! - at[i]!;
    directions.push(unit(taken));
    probes.push(probe);
  }
  const flags = await adversarialFlags(options.oracle, probes, options.label);
  const signs = flags.map((f) => (f ? 1 : -1));
  const mean = signs.reduce((a, b) => a + b, 0) / signs.length;
  const estimate = new Float32Array(at.length);
  // All probes on one side: the mean-corrected estimate is zero; use the signs themselves (the paper's fallback).
  const centred = Math.abs(mean) === 1 ? signs : signs.map((s) => s - mean);
  centred.forEach((s, b) => {
    const u = directions[b]!;
    for (let i = 0; i < estimate.length; i += 1) estimate[i] = estimate[i]! + s * u[i]!;
  });
  return unit(estimate);
}
