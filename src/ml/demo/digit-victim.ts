import { seededRandom } from '../../core/random.js';
import type { MlSample } from '../../core/ml.js';
import { createMlp, oneHot, trainMlp, type Mlp } from '../mlp.js';

/** How the committed demo digit victim was trained: reproducible from the `mnist` package's digits. */
export const DIGIT_VICTIM_RECIPE = { sizes: [784, 32, 10], epochs: 10, learningRate: 2e-3, weightDecay: 0, seed: 1 } as const;

/** The digit class names. */
export const DIGIT_LABELS: readonly string[] = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A victim's training recipe. */
export type MlpRecipe = {
  readonly sizes: readonly number[];
  readonly epochs: number;
  readonly learningRate: number;
  readonly weightDecay: number;
  readonly seed: number;
  readonly batchSize?: number;
};

/** Trains an MLP on labelled samples with a recipe (the demo victims', or a membership-inference victim's). */
export function trainDigitMlp(samples: readonly MlSample[], recipe: MlpRecipe): Mlp {
  const random = seededRandom(recipe.seed);
  const model = createMlp(recipe.sizes, random);
  trainMlp(model, samples.map((s) => s.input as Float32Array), samples.map((s) => oneHot(s.label, recipe.sizes[recipe.sizes.length - 1]!)), {
    epochs: recipe.epochs, learningRate: recipe.learningRate, weightDecay: recipe.weightDecay, random,
    ...(recipe.batchSize === undefined ? {} : { batchSize: recipe.batchSize }),
  });
  return model;
}
