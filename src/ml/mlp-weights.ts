import type { DenseLayer, Mlp } from './mlp.js';

/** An MLP as committed or sent over the wire: layer sizes and float32 parameters in base64 (little-endian). */
export type MlpWeights = {
  /** Sizes: [inputs, hidden…, classes]. */
  readonly sizes: readonly number[];
  /** Every layer's weights then biases, concatenated, as base64 float32. */
  readonly parameters: string;
};

/** Packs an MLP's parameters. */
export function packMlp(model: Mlp): MlpWeights {
  const total = model.layers.reduce((n, layer) => n + layer.weights.length + layer.bias.length, 0);
  const all = new Float32Array(total);
  let at = 0;
  for (const layer of model.layers) {
    all.set(layer.weights, at);
    at += layer.weights.length;
    all.set(layer.bias, at);
    at += layer.bias.length;
  }
  const sizes = [model.layers[0]!.inputs, ...model.layers.map((layer) => layer.outputs)];
  return { sizes, parameters: Buffer.from(all.buffer, all.byteOffset, all.byteLength).toString('base64') };
}

/** Unpacks committed weights; a size mismatch is a programming error. */
export function unpackMlp(weights: MlpWeights): Mlp {
  const bytes = Buffer.from(weights.parameters, 'base64');
  const all = new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  const layers: DenseLayer[] = [];
  let at = 0;
  for (let l = 0; l + 1 < weights.sizes.length; l += 1) {
    const inputs = weights.sizes[l]!;
    const outputs = weights.sizes[l + 1]!;
    const w = all.slice(at, at + inputs * outputs);
    at += inputs * outputs;
    const b = all.slice(at, at + outputs);
    at += outputs;
    layers.push({ inputs, outputs, weights: w, bias: b });
  }
  if (at !== all.length) throw new Error(`weights hold ${all.length} parameters, sizes ${weights.sizes.join('-')} need ${at}`);
  return { layers };
}
