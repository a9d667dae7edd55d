import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/random.js';
import { loadDigitSplits } from '../datasets/mnist-digits.js';
import { DIGIT_VICTIM_WEIGHTS } from '../demo/digit-victim-weights.js';
import { unpackMlp } from '../mlp-weights.js';
import { createMlp, predictProbabilities } from '../mlp.js';
import { MLP_ONNX_NAMES, mlpToOnnx } from './mlp-to-onnx.js';
import { encodeVarint } from './protobuf-writer.js';

const dir = mkdtempSync(join(tmpdir(), 'redline-onnx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runModel(bytes: Uint8Array, rows: readonly Float32Array[]): Promise<{ data: Float32Array; dims: readonly number[] }> {
  const file = join(dir, `model-${rows.length}.onnx`);
  writeFileSync(file, bytes);
  const ort = await import('onnxruntime-node');
  const session = await ort.InferenceSession.create(file);
  try {
    const width = rows[0]!.length;
    const batch = new Float32Array(rows.length * width);
    rows.forEach((row, i) => batch.set(row, i * width));
    const out = await session.run({ [MLP_ONNX_NAMES.input]: new ort.Tensor('float32', batch, [rows.length, width]) });
    const probabilities = out[MLP_ONNX_NAMES.output]!;
    return { data: probabilities.data as Float32Array, dims: probabilities.dims };
  } finally {
    await session.release();
  }
}

describe('mlpToOnnx', () => {
  it('writes varints as protobuf does, negatives as ten-byte int64', () => {
    expect([...encodeVarint(1)]).toEqual([1]);
    expect([...encodeVarint(300)]).toEqual([0xac, 0x02]);
    expect([...encodeVarint(-1)]).toEqual([...Array(9).fill(0xff), 0x01]);
  });

  it('exports the demo digit victim so that onnxruntime gives the JS MLP\'s probabilities within 1e-5', async () => {
    const victim = unpackMlp(DIGIT_VICTIM_WEIGHTS);
    const digits = loadDigitSplits().test.slice(0, 32).map((sample) => sample.input as Float32Array);
    const { data, dims } = await runModel(mlpToOnnx(victim), digits);
    expect(dims).toEqual([32, 10]);
    let largest = 0;
    digits.forEach((digit, i) => {
      const expected = predictProbabilities(victim, digit);
      for (let c = 0; c < 10; c += 1) largest = Math.max(largest, Math.abs(data[i * 10 + c]! - expected[c]!));
    });
    expect(largest).toBeLessThan(1e-5);
  });

  it('exports deeper MLPs and softmax regression (no hidden layer) alike', async () => {
    const random = seededRandom(7);
    for (const sizes of [[5, 3], [6, 8, 7, 4]]) {
      const model = createMlp(sizes, random);
      model.layers.forEach((layer) => layer.bias.forEach((_, i) => (layer.bias[i] = random() - 0.5)));
      const rows = [0, 1, 2].map(() => Float32Array.from({ length: sizes[0]! }, () => random() * 2 - 1));
      const { data } = await runModel(mlpToOnnx(model), rows);
      rows.forEach((row, i) => {
        const expected = predictProbabilities(model, row);
        expected.forEach((p, c) => expect(data[i * expected.length + c]).toBeCloseTo(p, 5));
      });
    }
  });
});
