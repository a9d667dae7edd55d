import type { Mlp } from '../mlp.js';
import { encodeOnnxModel, type OnnxFloatTensor, type OnnxNode } from './onnx-proto.js';

/** Names of the exported model's graph input and output. */
export const MLP_ONNX_NAMES = { input: 'input', output: 'probabilities' } as const;

/** What to write into the model besides the weights. */
export type MlpOnnxOptions = {
  /** Graph name (default 'mlp'). */
  readonly graphName?: string;
  /** Producer name recorded in the model (default 'redline'). */
  readonly producer?: string;
};

/**
 * Exports an MLP as an ONNX model (IR version 8, opset 13): input 'input' float [N, inputs] with a dynamic batch,
 * Gemm (transB=1, as the weights are out × in) then Relu per hidden layer, a last Gemm and Softmax to output
 * 'probabilities' [N, classes]. Weights are stored as raw little-endian float32.
 */
export function mlpToOnnx(model: Mlp, options: MlpOnnxOptions = {}): Uint8Array {
  const { layers } = model;
  const first = layers[0];
  const last = layers[layers.length - 1];
  if (first === undefined || last === undefined) throw new RangeError('an MLP needs at least one layer');
  const nodes: OnnxNode[] = [];
  const initializers: OnnxFloatTensor[] = [];
  let current: string = MLP_ONNX_NAMES.input;
  layers.forEach((layer, l) => {
    const weights = `layer${l}.weight`;
    const bias = `layer${l}.bias`;
    initializers.push({ name: weights, dims: [layer.outputs, layer.inputs], data: layer.weights });
    initializers.push({ name: bias, dims: [layer.outputs], data: layer.bias });
    const gemm = `layer${l}.gemm`;
    nodes.push({ op: 'Gemm', name: gemm, inputs: [current, weights, bias], outputs: [gemm], attributes: [{ name: 'transB', int: 1 }] });
    current = gemm;
    if (l + 1 < layers.length) {
      nodes.push({ op: 'Relu', name: `layer${l}.relu`, inputs: [current], outputs: [`layer${l}.relu`] });
      current = `layer${l}.relu`;
    }
  });
  nodes.push({ op: 'Softmax', name: 'softmax', inputs: [current], outputs: [MLP_ONNX_NAMES.output], attributes: [{ name: 'axis', int: -1 }] });
  return encodeOnnxModel({
    irVersion: 8,
    opset: 13,
    producer: options.producer ?? 'redline',
    graphName: options.graphName ?? 'mlp',
    nodes,
    initializers,
    inputs: [{ name: MLP_ONNX_NAMES.input, dims: ['N', first.inputs] }],
    outputs: [{ name: MLP_ONNX_NAMES.output, dims: ['N', last.outputs] }],
  });
}
