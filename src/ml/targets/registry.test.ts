import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import { loadDigitSplits } from '../datasets/mnist-digits.js';
import { DIGIT_VICTIM_WEIGHTS } from '../demo/digit-victim-weights.js';
import { unpackMlp } from '../mlp-weights.js';
import { mlpToOnnx } from '../onnx/mlp-to-onnx.js';
import { classifierTargetOptions, classifierTargets, createClassifierTarget } from './registry.js';

const dir = mkdtempSync(join(tmpdir(), 'redline-classifier-registry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const context = { env: {}, baseDir: dir, configFile: join(dir, 'redline.yaml') };
const digit = loadDigitSplits().test[0]!.input;
const signal = new AbortController().signal;

describe('the classifier target registry', () => {
  it('lists onnx, http-classifier, demo-digits and demo-iris, and suggests the closest id for a typo', () => {
    expect(classifierTargets.ids).toEqual(['onnx', 'http-classifier', 'demo-digits', 'demo-iris', 'demo-spam', 'demo-digits-overfit', 'demo-digits-regularised']);
    expect(classifierTargets.kind).toBe('target');
    expect(() => classifierTargets.get('onx')).toThrow(expect.objectContaining({ name: 'ConfigError', message: expect.stringContaining("did you mean 'onnx'?") }));
  });

  it('builds every type from configuration parsed by the union', async () => {
    writeFileSync(join(dir, 'digits.onnx'), mlpToOnnx(unpackMlp(DIGIT_VICTIM_WEIGHTS)));
    const configs = [
      { type: 'demo-digits', access: 'label' },
      { type: 'onnx', path: 'digits.onnx', labels: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'], input: { shape: [784], min: 0, max: 1 } },
    ];
    const [demo, onnx] = configs.map((config) => createClassifierTarget(classifierTargetOptions.parse(config), context));
    const [fromDemo] = await demo!.classify([digit], signal);
    const [fromOnnx] = await onnx!.classify([digit], signal);
    expect(demo).toMatchObject({ id: 'demo-digits(label-only)', access: 'label', simulated: true });
    expect(fromOnnx!.label).toBe(fromDemo!.label);
    const http = createClassifierTarget(classifierTargetOptions.parse({ type: 'http-classifier', url: 'http://127.0.0.1:9/predict', labels: ['a', 'b'] }), context);
    expect(http).toMatchObject({ id: 'http-classifier:127.0.0.1:9/predict', modality: 'text', access: 'label' });
    await onnx!.close?.();
  });

  it('rejects an unknown type or option through the union', () => {
    expect(classifierTargetOptions.safeParse({ type: 'sklearn' }).success).toBe(false);
    expect(classifierTargetOptions.safeParse({ type: 'demo-digits', acess: 'label' }).success).toBe(false);
    const missing = classifierTargetOptions.parse({ type: 'onnx', path: 'missing.onnx', labels: ['a', 'b'], input: { shape: [2], min: 0, max: 1 } });
    expect(() => createClassifierTarget(missing, context)).toThrow(ConfigError);
  });
});
