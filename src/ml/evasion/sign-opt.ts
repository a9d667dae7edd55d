// Sign-OPT: Cheng, Singh, Chen, Chen, Liu & Hsieh, "Sign-OPT: A Query-Efficient Hard-label Adversarial Attack", ICLR 2020.
import { z } from 'zod';
import { QueryBudgetSpent, type EvasionAttack, type EvasionResult, type MlAttackInfo, type Oracle, type ProgressPoint } from '../../core/ml.js';
import { l2, normalVector, unit } from '../vector.js';
import { adversarialFlags, randomAdversarial } from './boundary-search.js';

/**
 * Sign-OPT's options. The paper uses K = 200, β = 0.001, α = 0.2; on the demo digit victim (float32 outputs, a 0.1 %
 * boundary tolerance) β = 0.001 drowns the sign in search noise, so the defaults are K = 100, β = 0.03, α = 10
 * (median L2 0.75 against 3.19 with the paper's values, 10 digits, 10,000 queries).
 */
export const signOptOptions = z.strictObject({
  /** Random directions per sign-gradient estimate. */
  directions: z.number().int().min(10).default(100),
  /** Smoothing radius of the directional difference. */
  beta: z.number().positive().default(0.03),
  /** Initial step on the direction. */
  alpha: z.number().positive().default(10),
  /** Relative tolerance of the distance-to-boundary search. */
  tolerance: z.number().positive().default(1e-3),
});

/** Sign-OPT's parsed options. */
export type SignOptOptions = z.output<typeof signOptOptions>;

/** What `redline ml attacks` says about Sign-OPT. */
export const SIGN_OPT: MlAttackInfo = {
  id: 'sign-opt',
  summary: 'Label-only L2 evasion: optimises the direction whose distance to the boundary is smallest, from single-query sign estimates.',
  access: 'label',
  modalities: ['tabular', 'image'],
  norm: 'l2',
  source: 'Cheng et al., Sign-OPT: A Query-Efficient Hard-label Adversarial Attack, ICLR 2020 (arXiv:1909.10773)',
  taxonomy: { atlas: ['AML.T0015', 'AML.T0043.001', 'AML.T0040'], owasp: [] },
};

type Geometry = { readonly oracle: Oracle; readonly x: Float32Array; readonly label: number; readonly min: number; readonly max: number };

function pointAt(geometry: Geometry, direction: Float32Array, distance: number): Float32Array {
  const out = new Float32Array(geometry.x.length);
  for (let i = 0; i < out.length; i += 1) out[i] = Math.min(geometry.max, Math.max(geometry.min, geometry.x[i]! + distance * direction[i]!));
  return out;
}

/**
 * g(θ): the distance from x along unit direction θ to the boundary, searched from `start` (grown until adversarial,
 * then bisected); Infinity when nothing is adversarial within `limit`.
 */
async function boundaryDistance(geometry: Geometry, direction: Float32Array, options: { start: number; limit: number; tolerance: number }): Promise<number> {
  let high = options.start;
  let low = 0;
  const adversarialAt = async (d: number) => (await adversarialFlags(geometry.oracle, [pointAt(geometry, direction, d)], geometry.label))[0]!;
  if (await adversarialAt(high)) {
    low = 0;
  } else {
    low = high;
    for (high = high * 1.05; !(await adversarialAt(high)); high *= 1.05) {
      low = high;
      if (high > options.limit) return Infinity;
    }
  }
  while (high - low > options.tolerance * high) {
    const mid = (low + high) / 2;
    if (await adversarialAt(mid)) high = mid;
    else low = mid;
  }
  return high;
}

/** Untargeted Sign-OPT. */
export function signOpt(options: SignOptOptions): EvasionAttack {
  return {
    id: SIGN_OPT.id,
    async run({ sample, oracle, input, random, signal }): Promise<EvasionResult> {
      if (typeof sample.input === 'string' || input === undefined) throw new TypeError('sign-opt attacks tensor inputs');
      const x = sample.input;
      const geometry: Geometry = { oracle, x, label: sample.label, min: input.min, max: input.max };
      const limit = (input.max - input.min) * Math.sqrt(x.length);
      const progress: ProgressPoint[] = [];
      let best: Float32Array | undefined;
      let stopped = 'converged';
      try {
        const start = await randomAdversarial({ oracle, original: x, label: sample.label, input, random });
        if (start === undefined) return { progress, stopped: 'no misclassified starting point found' };
        let theta = unit(start.map((v, i) => v - x[i]!));
        let g = await boundaryDistance(geometry, theta, { start: l2(start, x), limit, tolerance: options.tolerance });
        const keep = () => {
          best = pointAt(geometry, theta, g);
          progress.push({ queries: oracle.used, distance: l2(best, x) });
        };
        keep();
        let alpha = options.alpha;
        for (let stalls = 0; stalls < 10 && !signal.aborted; ) {
          const gradient = await signGradient({ geometry, theta, g, beta: options.beta, count: options.directions, random });
          // Line search on the step: the largest of alpha, alpha/2, … that lowers g; grow alpha after a success.
          let improved = false;
          for (let step = alpha; step > 1e-4; step /= 2) {
            const next = unit(theta.map((v, i) => v - step * gradient[i]!));
            const distance = await boundaryDistance(geometry, next, { start: g, limit, tolerance: options.tolerance });
            if (distance < g) {
              theta = next;
              g = distance;
              alpha = Math.min(options.alpha, step * 2);
              improved = true;
              break;
            }
          }
          if (improved) {
            stalls = 0;
            keep();
          } else {
            stalls += 1;
            alpha = options.alpha;
          }
        }
        if (signal.aborted) stopped = 'stopped';
      } catch (error) {
        if (!(error instanceof QueryBudgetSpent)) throw error;
        stopped = `query budget of ${error.budget} spent`;
      }
      return best === undefined ? { progress, stopped } : { adversarial: best, progress, stopped };
    },
  };
}

/** Sign-OPT's estimate: the mean of u·sign(g(θ + βu) − g(θ)), each sign from one query at distance g along θ + βu. */
async function signGradient(options: {
  readonly geometry: Geometry;
  readonly theta: Float32Array;
  readonly g: number;
  readonly beta: number;
  readonly count: number;
  readonly random: () => number;
}): Promise<Float32Array> {
  const { geometry, theta, g, beta } = options;
  const left = geometry.oracle.budget - geometry.oracle.used;
  const count = Math.max(1, Math.min(options.count, left - 1));
  const us: Float32Array[] = [];
  const probes: Float32Array[] = [];
  for (let k = 0; k < count; k += 1) {
    const u = unit(normalVector(theta.length, options.random));
    us.push(u);
    probes.push(pointAt(geometry, unit(theta.map((v, i) => v + beta * u[i]!)), g));
  }
  const flags = await adversarialFlags(geometry.oracle, probes, geometry.label);
  const gradient = new Float32Array(theta.length);
  // Adversarial at distance g along θ+βu means g shrinks that way: the sign of the difference is −1.
  flags.forEach((adversarial, k) => {
    const sign = adversarial ? -1 : 1;
    const u = us[k]!;
    for (let i = 0; i < gradient.length; i += 1) gradient[i] = gradient[i]! + (sign * u[i]!) / count;
  });
  return gradient;
}
