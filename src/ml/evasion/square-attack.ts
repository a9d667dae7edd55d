// Square Attack: Andriushchenko, Croce, Flammarion & Hein, "Square Attack: a query-efficient black-box adversarial
// attack via random search", ECCV 2020 (the L∞ version).
import { z } from 'zod';
import { QueryBudgetSpent, type EvasionAttack, type EvasionResult, type MlAttackInfo, type Prediction, type ProgressPoint } from '../../core/ml.js';
import { linf } from '../vector.js';

/** The Square Attack's options. */
export const squareAttackOptions = z.strictObject({
  /** L∞ radius, as a fraction of the input range (0.3 is the usual MNIST setting). */
  epsilon: z.number().positive().max(1).default(0.3),
  /** Initial fraction of features a square covers (the paper: 0.05; 0.3 on MNIST). */
  initialFraction: z.number().positive().max(1).default(0.3),
});

/** The Square Attack's parsed options. */
export type SquareAttackOptions = z.output<typeof squareAttackOptions>;

/** What `redline ml attacks` says about the Square Attack. */
export const SQUARE_ATTACK: MlAttackInfo = {
  id: 'square',
  summary: 'Score-based L∞ evasion: random square-shaped updates at the radius\'s vertices, kept when the margin shrinks.',
  access: 'scores',
  modalities: ['tabular', 'image'],
  norm: 'linf',
  source: 'Andriushchenko et al., Square Attack, ECCV 2020 (arXiv:1912.00049)',
  taxonomy: { atlas: ['AML.T0015', 'AML.T0043.001', 'AML.T0040'], owasp: [] },
};

/** Margin of the true class over the best other one, on log-probabilities (negative once misclassified). */
function margin(prediction: Prediction, label: number): number {
  const p = prediction.probabilities!;
  let other = -Infinity;
  for (let k = 0; k < p.length; k += 1) if (k !== label) other = Math.max(other, Math.log(Math.max(p[k]!, 1e-30)));
  return Math.log(Math.max(p[label]!, 1e-30)) - other;
}

/** The paper's schedule of the square's size: halved at fixed fractions of a 10,000-query run. */
function fractionAt(iteration: number, budget: number, initial: number): number {
  const at = Math.round((iteration / budget) * 10_000);
  const halvings = [10, 50, 200, 500, 1000, 2000, 4000, 6000, 8000].filter((step) => at > step).length;
  return initial / 2 ** halvings;
}

/** Untargeted L∞ Square Attack; flat tabular inputs are treated as a one-row image. */
export function squareAttack(options: SquareAttackOptions): EvasionAttack {
  return {
    id: SQUARE_ATTACK.id,
    async run({ sample, oracle, input, random, signal }): Promise<EvasionResult> {
      if (typeof sample.input === 'string' || input === undefined) throw new TypeError('square attacks tensor inputs');
      const x = sample.input;
      const layout = input.image ?? { height: 1, width: x.length, channels: 1 };
      const epsilon = options.epsilon * (input.max - input.min);
      const clipAt = (i: number, v: number) => Math.min(input.max, Math.max(input.min, Math.min(x[i]! + epsilon, Math.max(x[i]! - epsilon, v))));
      const progress: ProgressPoint[] = [];
      // Vertical stripes of ±ε: the paper's initialisation.
      let current = new Float32Array(x.length);
      for (let c = 0; c < layout.width; c += 1) {
        for (let ch = 0; ch < layout.channels; ch += 1) {
          const sign = random() < 0.5 ? -1 : 1;
          for (let r = 0; r < layout.height; r += 1) {
            const i = (r * layout.width + c) * layout.channels + ch;
            current[i] = clipAt(i, x[i]! + sign * epsilon);
          }
        }
      }
      try {
        let [prediction] = await oracle.query([current]);
        if (prediction!.probabilities === undefined) return { progress, stopped: 'the victim gave no class probabilities' };
        let loss = margin(prediction!, sample.label);
        for (let iteration = 1; loss >= 0; iteration += 1) {
          if (signal.aborted) return { progress, stopped: 'stopped' };
          const area = fractionAt(iteration, oracle.budget, options.initialFraction) * layout.height * layout.width;
          const side = Math.max(1, Math.min(layout.height, layout.width, Math.round(Math.sqrt(area))));
          const top = Math.floor(random() * (layout.height - Math.min(side, layout.height) + 1));
          const left = Math.floor(random() * (layout.width - side + 1));
          const candidate = Float32Array.from(current);
          for (let ch = 0; ch < layout.channels; ch += 1) {
            const sign = random() < 0.5 ? -1 : 1;
            for (let r = top; r < Math.min(layout.height, top + side); r += 1) {
              for (let c = left; c < left + side; c += 1) {
                const i = (r * layout.width + c) * layout.channels + ch;
                candidate[i] = clipAt(i, x[i]! + sign * epsilon);
              }
            }
          }
          [prediction] = await oracle.query([candidate]);
          const next = margin(prediction!, sample.label);
          if (next < loss) {
            current = candidate;
            loss = next;
          }
        }
        progress.push({ queries: oracle.used, distance: linf(current, x) });
        return { adversarial: current, progress, stopped: 'label changed' };
      } catch (error) {
        if (!(error instanceof QueryBudgetSpent)) throw error;
        return { progress, stopped: `query budget of ${error.budget} spent` };
      }
    },
  };
}
