import { describe, expect, it } from 'vitest';
import { loadIrisSplits } from '../datasets/iris.js';
import { unpackMlp } from '../mlp-weights.js';
import { predictProbabilities } from '../mlp.js';
import { argmax } from '../vector.js';
import { trainIrisMlp } from './iris-victim.js';
import { IRIS_VICTIM_WEIGHTS } from './iris-victim-weights.js';

describe('the demo tabular victim', () => {
  it('is reproduced by its recipe and gets 49 of its 50 held-out flowers right', () => {
    const { train, test } = loadIrisSplits();
    const committed = unpackMlp(IRIS_VICTIM_WEIGHTS);
    const retrained = trainIrisMlp(train);
    const correct = (model: typeof committed) => test.filter((s) => argmax(predictProbabilities(model, s.input as Float32Array)) === s.label).length;
    expect(correct(committed)).toBe(49);
    expect(correct(retrained)).toBe(49);
    retrained.layers.forEach((layer, l) => layer.weights.forEach((w, i) => expect(Math.abs(w - committed.layers[l]!.weights[i]!)).toBeLessThan(1e-3)));
  });
});
