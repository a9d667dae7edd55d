// SimBA: Guo, Gardner, You, Wilson & Weinberger, "Simple Black-box Adversarial Attacks", ICML 2019 (pixel basis).
import { z } from 'zod';
import { QueryBudgetSpent, type EvasionAttack, type EvasionResult, type MlAttackInfo, type ProgressPoint } from '../../core/ml.js';
import { l2, shuffledIndices } from '../vector.js';

/** SimBA's options. */
export const simbaOptions = z.strictObject({
  /** Step along one coordinate, as a fraction of the input range (the paper: 0.2 on [0, 1] pixels). */
  step: z.number().positive().max(1).default(0.2),
});

/** SimBA's parsed options. */
export type SimbaOptions = z.output<typeof simbaOptions>;

/** What `redline ml attacks` says about SimBA. */
export const SIMBA: MlAttackInfo = {
  id: 'simba',
  summary: 'Score-based evasion: steps along random coordinates, keeping each step that lowers the true class probability.',
  access: 'scores',
  modalities: ['tabular', 'image'],
  norm: 'l2',
  source: 'Guo et al., Simple Black-box Adversarial Attacks, ICML 2019 (arXiv:1905.07121)',
  taxonomy: { atlas: ['AML.T0015', 'AML.T0043.001', 'AML.T0040'], owasp: [] },
};

/** Untargeted SimBA in the pixel basis: stops at the first step that changes the label, or when the budget is spent. */
export function simba(options: SimbaOptions): EvasionAttack {
  return {
    id: SIMBA.id,
    async run({ sample, oracle, input, random, signal }): Promise<EvasionResult> {
      if (typeof sample.input === 'string' || input === undefined) throw new TypeError('simba attacks tensor inputs');
      const x = sample.input;
      const epsilon = options.step * (input.max - input.min);
      const progress: ProgressPoint[] = [];
      let current = x;
      let stopped = 'every coordinate tried';
      try {
        let [first] = await oracle.query([x]);
        let probability = first!.probabilities?.[sample.label];
        if (probability === undefined) return { progress, stopped: 'the victim gave no class probabilities' };
        for (const i of shuffledIndices(x.length, random)) {
          if (signal.aborted) return { progress, stopped: 'stopped' };
          for (const sign of [-1, 1]) {
            const value = Math.min(input.max, Math.max(input.min, current[i]! + sign * epsilon));
            if (value === current[i]) continue; // clipped away: no query spent on a no-op
            const candidate = Float32Array.from(current);
            candidate[i] = value;
            [first] = await oracle.query([candidate]);
            const p = first!.probabilities![sample.label]!;
            if (p >= probability) continue;
            current = candidate;
            probability = p;
            if (first!.label !== sample.label) {
              progress.push({ queries: oracle.used, distance: l2(current, x) });
              return { adversarial: current, progress, stopped: 'label changed' };
            }
            break;
          }
        }
      } catch (error) {
        if (!(error instanceof QueryBudgetSpent)) throw error;
        stopped = `query budget of ${error.budget} spent`;
      }
      return { progress, stopped };
    },
  };
}
