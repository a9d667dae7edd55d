import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import type { ClassifierTarget } from '../../core/ml.js';
import type { TargetContext } from '../../targets/context.js';
import { loadDigitSplits } from '../datasets/mnist-digits.js';
import { DIGIT_INPUT, demoDigitClassifier } from '../demo/demo-digits.js';
import { DIGIT_LABELS } from '../demo/digit-victim.js';
import { DIGIT_VICTIM_WEIGHTS } from '../demo/digit-victim-weights.js';
import { unpackMlp } from '../mlp-weights.js';
import { mlpToOnnx } from '../onnx/mlp-to-onnx.js';
import { encodeOnnxModel, type OnnxNode } from '../onnx/onnx-proto.js';
import { onnxClassifier } from './onnx-classifier.js';
import type { OnnxClassifierInput } from './onnx-classifier-options.js';

const dir = mkdtempSync(join(tmpdir(), 'redline-onnx-target-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const context: TargetContext = { env: {}, baseDir: dir, configFile: join(dir, 'redline.yaml') };
const victim = unpackMlp(DIGIT_VICTIM_WEIGHTS);
const digits = loadDigitSplits().test.slice(0, 16).map((sample) => sample.input as Float32Array);
const signal = new AbortController().signal;
writeFileSync(join(dir, 'digits.onnx'), mlpToOnnx(victim));

/** The victim's first layer and its logits only, ending in `tail` (nothing, or ArgMax). */
function writeHeadless(name: string, tail: OnnxNode[]): void {
  const [hidden, last] = victim.layers;
  const out = tail.length === 0 ? 'logits' : 'gemm1';
  writeFileSync(join(dir, name), encodeOnnxModel({
    irVersion: 8, opset: 13, producer: 'test', graphName: name,
    initializers: [
      { name: 'w0', dims: [32, 784], data: hidden!.weights }, { name: 'b0', dims: [32], data: hidden!.bias },
      { name: 'w1', dims: [10, 32], data: last!.weights }, { name: 'b1', dims: [10], data: last!.bias },
    ],
    nodes: [
      { op: 'Gemm', name: 'gemm0', inputs: ['pixels', 'w0', 'b0'], outputs: ['gemm0'], attributes: [{ name: 'transB', int: 1 }] },
      { op: 'Relu', name: 'relu0', inputs: ['gemm0'], outputs: ['relu0'] },
      { op: 'Gemm', name: 'gemm1', inputs: ['relu0', 'w1', 'b1'], outputs: [out], attributes: [{ name: 'transB', int: 1 }] },
      ...tail,
    ],
    inputs: [{ name: 'pixels', dims: ['batch', 784] }],
    outputs: [tail.length === 0 ? { name: 'logits', dims: ['batch', 10] } : { name: 'label', dims: ['batch'], type: 'int64' }],
  }));
}
writeHeadless('logits.onnx', []);
writeHeadless('argmax.onnx', [{ op: 'ArgMax', name: 'argmax', inputs: ['gemm1'], outputs: ['label'], attributes: [{ name: 'axis', int: 1 }, { name: 'keepdims', int: 0 }] }]);
writeFileSync(join(dir, 'garbage.onnx'), 'this is not a protobuf');

const digitsTarget = (extra: Partial<OnnxClassifierInput> = {}): ClassifierTarget =>
  onnxClassifier({ type: 'onnx', path: 'digits.onnx', labels: DIGIT_LABELS, input: DIGIT_INPUT, ...extra }, context);

async function configFailure(promise: Promise<unknown>): Promise<ConfigError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(ConfigError);
  return error as ConfigError;
}

describe('the onnx classifier target', () => {
  it('classifies a batch in one session as the in-process victim does', async () => {
    const target = digitsTarget();
    const reference = await demoDigitClassifier().classify(digits, signal);
    const predictions = await target.classify(digits, signal);
    expect(target).toMatchObject({ id: 'onnx:digits.onnx', access: 'scores', modality: 'tabular', simulated: false });
    predictions.forEach((prediction, i) => {
      expect(prediction.label).toBe(reference[i]!.label);
      prediction.probabilities!.forEach((p, c) => expect(Math.abs(p - reference[i]!.probabilities![c]!)).toBeLessThan(1e-5));
    });
    await target.close?.();
  });

  it('applies softmax to logits, reads a label output, and hides scores from label-only access', async () => {
    const reference = await demoDigitClassifier().classify(digits, signal);
    const logits = await onnxClassifier({ type: 'onnx', path: 'logits.onnx', labels: DIGIT_LABELS, input: DIGIT_INPUT, output: 'logits' }, context).classify(digits, signal);
    logits.forEach((prediction, i) => prediction.probabilities!.forEach((p, c) => expect(p).toBeCloseTo(reference[i]!.probabilities![c]!, 5)));
    const labelled = onnxClassifier({ type: 'onnx', path: 'argmax.onnx', labels: DIGIT_LABELS, input: DIGIT_INPUT, output: 'label' }, context);
    expect(labelled.access).toBe('label');
    expect(await labelled.classify(digits, signal)).toEqual(reference.map((p) => ({ label: p.label })));
    expect(await digitsTarget({ access: 'label' }).classify(digits.slice(0, 2), signal)).toEqual(reference.slice(0, 2).map((p) => ({ label: p.label })));
  });

  it('refuses a missing model file now, naming it and where relative paths start', () => {
    expect(() => digitsTarget({ path: 'nowhere.onnx' })).toThrow(expect.objectContaining({
      name: 'ConfigError', path: 'target.path', message: expect.stringContaining(join(dir, 'nowhere.onnx')), hint: expect.stringContaining(dir),
    }));
  });

  it('turns a file that is not ONNX into a ConfigError naming the file, with a hint', async () => {
    const error = await configFailure(digitsTarget({ path: 'garbage.onnx' }).classify(digits.slice(0, 1), signal));
    expect(error.message).toContain(join(dir, 'garbage.onnx'));
    expect(error.message).toContain('not a valid ONNX model');
    expect(error).toMatchObject({ file: context.configFile, path: 'target.path', hint: expect.stringContaining('.onnx') });
  });

  it('names the model\'s inputs when the named one is absent, and checks the input shape and class count', async () => {
    const named = await configFailure(digitsTarget({ inputName: 'pixels' }).classify(digits.slice(0, 1), signal));
    expect(named).toMatchObject({ path: 'target.inputName', hint: "the model's inputs: input" });
    const shaped = await configFailure(digitsTarget({ input: { shape: [28, 28], min: 0, max: 1 } }).classify(digits.slice(0, 1), signal));
    expect(shaped).toMatchObject({ path: 'target.input.shape' });
    expect(shaped.message).toContain('[N, 784]');
    const counted = await configFailure(digitsTarget({ labels: ['a', 'b', 'c'] }).classify(digits.slice(0, 1), signal));
    expect(counted).toMatchObject({ path: 'target.labels' });
  });

  it('validates its options, and rejects an aborted call with the abort reason', async () => {
    expect(() => digitsTarget({ output: 'label', access: 'scores' })).toThrow(expect.objectContaining({ path: 'target.access' }));
    expect(() => digitsTarget({ labels: ['same', 'same'] })).toThrow(ConfigError);
    const controller = new AbortController();
    const reason = new Error('stopped');
    controller.abort(reason);
    await expect(digitsTarget().classify(digits.slice(0, 1), controller.signal)).rejects.toBe(reason);
  });
});
