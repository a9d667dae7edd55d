import type { ClassifierTarget, MlAccess, MlModality, TensorSpec } from '../../core/ml.js';
import type { Mlp } from '../mlp.js';
import { predictProbabilities } from '../mlp.js';
import { argmax } from '../vector.js';

/** A classifier over an in-process MLP: the demo victims, and a library user's own model. */
export function mlpClassifier(options: {
  readonly id: string;
  readonly model: Mlp;
  readonly labels: readonly string[];
  readonly input: TensorSpec;
  readonly modality?: MlModality;
  readonly access?: MlAccess;
  readonly simulated?: boolean;
}): ClassifierTarget {
  const access = options.access ?? 'scores';
  return {
    id: options.id,
    simulated: options.simulated ?? false,
    modality: options.modality ?? 'image',
    labels: options.labels,
    input: options.input,
    access,
    async classify(inputs) {
      return inputs.map((input) => {
        if (typeof input === 'string') throw new TypeError(`${options.id} classifies tensors, not text`);
        const probabilities = predictProbabilities(options.model, input);
        const label = argmax(probabilities);
        return access === 'scores' ? { label, probabilities } : { label };
      });
    },
  };
}
