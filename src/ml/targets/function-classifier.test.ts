import { describe, expect, it } from 'vitest';
import { TargetError } from '../../core/errors.js';
import type { MlInput, Prediction } from '../../core/ml.js';
import { functionClassifier, type FunctionClassifierOptions } from './function-classifier.js';

const signal = new AbortController().signal;
// A toy spam filter: 'free' anywhere is spam.
const spam = (inputs: readonly MlInput[]): Prediction[] =>
  inputs.map((text) => {
    const p = String(text).includes('free') ? 0.9 : 0.2;
    return { label: p > 0.5 ? 1 : 0, probabilities: Float32Array.of(1 - p, p) };
  });
const filter = (extra: Partial<FunctionClassifierOptions> = {}) =>
  functionClassifier({ id: 'spam-filter', labels: ['ham', 'spam'], modality: 'text', access: 'scores', classify: spam, ...extra });

describe('functionClassifier', () => {
  it('answers with the function\'s predictions, sync or async, and hides scores for label access', async () => {
    const predictions = await filter().classify(['hello', 'free money'], signal);
    expect(predictions.map((p) => p.label)).toEqual([0, 1]);
    expect(predictions[1]!.probabilities![1]).toBeCloseTo(0.9);
    expect(await filter({ classify: async (inputs) => spam(inputs) }).classify(['free'], signal)).toHaveLength(1);
    expect(await filter({ access: 'label' }).classify(['hello', 'free'], signal)).toEqual([{ label: 0 }, { label: 1 }]);
    expect(filter()).toMatchObject({ id: 'spam-filter', simulated: false, modality: 'text', labels: ['ham', 'spam'] });
  });

  it('turns answers that break the contract into bad-response, and other throws into unexpected', async () => {
    const failing = async (extra: Partial<FunctionClassifierOptions>) => (await filter(extra).classify(['a', 'b'], signal).catch((e: unknown) => e)) as TargetError;
    expect(await failing({ classify: () => [{ label: 0 }] })).toMatchObject({ kind: 'bad-response', message: expect.stringContaining('1 predictions for 2 inputs') });
    expect(await failing({ classify: () => [{ label: 0 }, { label: 2 }] })).toMatchObject({ kind: 'bad-response' });
    expect(await failing({ classify: () => [{ label: 0 }, { label: 1 }] })).toMatchObject({ kind: 'bad-response', message: expect.stringContaining('2 probabilities') });
    expect(await failing({ classify: () => { throw new Error('model crashed'); } })).toMatchObject({ kind: 'unexpected', retryable: false });
    const own = new TargetError('quota', { targetId: 'spam-filter', kind: 'http-429', retryable: true });
    expect(await failing({ classify: () => { throw own; } })).toBe(own);
  });
});
