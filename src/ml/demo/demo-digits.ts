import type { ClassifierTarget, MlAccess } from '../../core/ml.js';
import { unpackMlp } from '../mlp-weights.js';
import { mlpClassifier } from '../targets/mlp-classifier.js';
import { DIGIT_LABELS } from './digit-victim.js';
import { DIGIT_VICTIM_WEIGHTS } from './digit-victim-weights.js';

/** The demo digit victim's input: 784 pixels in [0, 1]. */
export const DIGIT_INPUT = { shape: [784], min: 0, max: 1, image: { height: 28, width: 28, channels: 1 } } as const;

/** The committed demo digit recogniser (784-32-10 MLP, 93.7 % on held-out digits), as a simulated classifier target. */
export function demoDigitClassifier(options: { readonly access?: MlAccess } = {}): ClassifierTarget {
  const access = options.access ?? 'scores';
  return mlpClassifier({
    id: access === 'scores' ? 'demo-digits' : 'demo-digits(label-only)',
    model: unpackMlp(DIGIT_VICTIM_WEIGHTS),
    labels: DIGIT_LABELS,
    input: DIGIT_INPUT,
    modality: 'image',
    access,
    simulated: true,
  });
}
