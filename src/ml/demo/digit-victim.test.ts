import { describe, expect, it } from 'vitest';
import { loadDigitSplits } from '../datasets/mnist-digits.js';
import { unpackMlp } from '../mlp-weights.js';
import { predictProbabilities } from '../mlp.js';
import { argmax } from '../vector.js';
import { DIGIT_VICTIM_RECIPE, trainDigitMlp } from './digit-victim.js';
import { DIGIT_VICTIM_WEIGHTS } from './digit-victim-weights.js';

describe('the demo digit victim', () => {
  const splits = loadDigitSplits();
  const committed = unpackMlp(DIGIT_VICTIM_WEIGHTS);
  const accuracy = (model: typeof committed) =>
    splits.test.filter((s) => argmax(predictProbabilities(model, s.input as Float32Array)) === s.label).length / splits.test.length;

  it('recognises held-out digits about as well as its recipe promises (93.7 %)', () => {
    expect(accuracy(committed)).toBeCloseTo(0.937, 2);
  });

  it('is reproduced by its recipe from the mnist package', () => {
    const retrained = trainDigitMlp(splits.train, DIGIT_VICTIM_RECIPE);
    let largest = 0;
    retrained.layers.forEach((layer, l) => {
      const weights = committed.layers[l]!.weights;
      for (let i = 0; i < weights.length; i += 1) largest = Math.max(largest, Math.abs(weights[i]! - layer.weights[i]!));
    });
    expect(largest).toBeLessThan(1e-3);
    expect(accuracy(retrained)).toBeCloseTo(accuracy(committed), 3);
  }, 60_000);
});
