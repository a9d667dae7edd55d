import type { ClassifierTarget, MlAccess } from '../../core/ml.js';
import { loadDigitSplits } from '../datasets/mnist-digits.js';
import { mlpClassifier } from '../targets/mlp-classifier.js';
import { DIGIT_INPUT } from './demo-digits.js';
import { DIGIT_LABELS, trainDigitMlp, type MlpRecipe } from './digit-victim.js';

/**
 * Two digit victims for membership inference, trained when built (a few seconds) from the `mnist` package: one
 * overfitted (784-64-10 on the first 300 training digits, no weight decay: 100 % train, about 85 % held out) and one
 * well-regularised (softmax regression on all 6,000 with weight decay: about 92 % train, 90 % held out). Their members
 * are the first `members` digits of the `train` split.
 */
export const MEMBERSHIP_VICTIMS = {
  overfit: { members: 300, recipe: { sizes: [784, 64, 10], epochs: 60, learningRate: 2e-3, weightDecay: 0, seed: 5 } },
  regularised: { members: 6000, recipe: { sizes: [784, 10], epochs: 3, learningRate: 2e-3, weightDecay: 1e-3, seed: 5 } },
} as const satisfies Record<string, { members: number; recipe: MlpRecipe }>;

/** A membership-inference demo victim, simulated. */
export function demoMembershipVictim(options: { readonly variant: keyof typeof MEMBERSHIP_VICTIMS; readonly access?: MlAccess }): ClassifierTarget {
  const { members, recipe } = MEMBERSHIP_VICTIMS[options.variant];
  const model = trainDigitMlp(loadDigitSplits().train.slice(0, members), recipe);
  const access = options.access ?? 'scores';
  return mlpClassifier({
    id: `demo-digits-${options.variant}${access === 'label' ? '(label-only)' : ''}`, model, labels: DIGIT_LABELS, input: DIGIT_INPUT,
    modality: 'image', access, simulated: true,
  });
}
