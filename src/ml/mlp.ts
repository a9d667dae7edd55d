import type { Random } from '../core/random.js';
import { normal, shuffledIndices } from './vector.js';

/** One dense layer: `out × in` weights, row-major, and `out` biases. */
export type DenseLayer = {
  /** Inputs. */
  readonly inputs: number;
  /** Outputs. */
  readonly outputs: number;
  /** Weights, row-major (`outputs` rows of `inputs`). */
  readonly weights: Float32Array;
  /** Biases. */
  readonly bias: Float32Array;
};

/** A multilayer perceptron: dense layers with ReLU between them and softmax at the end (no hidden layer: softmax regression). */
export type Mlp = {
  /** The layers, input first. */
  readonly layers: readonly DenseLayer[];
};

/** How to train an MLP. */
export type TrainOptions = {
  /** Passes over the data. */
  readonly epochs: number;
  /** Rows per gradient step. */
  readonly batchSize?: number;
  /** Adam step size. */
  readonly learningRate?: number;
  /** L2 penalty on the weights (weight decay). */
  readonly weightDecay?: number;
  /** Seeded randomness for initial weights and batch order. */
  readonly random: Random;
};

/** A new MLP with He-initialised weights: `sizes` = [inputs, hidden…, classes]. */
export function createMlp(sizes: readonly number[], random: Random): Mlp {
  const layers: DenseLayer[] = [];
  for (let l = 0; l + 1 < sizes.length; l += 1) {
    const inputs = sizes[l]!;
    const outputs = sizes[l + 1]!;
    const scale = Math.sqrt(2 / inputs);
    const weights = new Float32Array(inputs * outputs);
    for (let i = 0; i < weights.length; i += 1) weights[i] = normal(random) * scale;
    layers.push({ inputs, outputs, weights, bias: new Float32Array(outputs) });
  }
  return { layers };
}

function dense(layer: DenseLayer, x: Float32Array, relu: boolean): Float32Array {
  const out = new Float32Array(layer.outputs);
  const { weights, inputs } = layer;
  for (let o = 0; o < layer.outputs; o += 1) {
    let sum = layer.bias[o]!;
    const row = o * inputs;
    for (let i = 0; i < inputs; i += 1) sum += weights[row + i]! * x[i]!;
    out[o] = relu && sum < 0 ? 0 : sum;
  }
  return out;
}

/** Softmax of logits, in place-safe (returns a new array). */
export function softmax(logits: Float32Array): Float32Array {
  let max = -Infinity;
  for (const v of logits) max = Math.max(max, v);
  const out = new Float32Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i += 1) {
    out[i] = Math.exp(logits[i]! - max);
    sum += out[i]!;
  }
  for (let i = 0; i < out.length; i += 1) out[i] = out[i]! / sum;
  return out;
}

/** Activations of every layer for one input: [input, hidden…, logits]. */
function forward(model: Mlp, x: Float32Array): Float32Array[] {
  const activations = [x];
  model.layers.forEach((layer, l) => activations.push(dense(layer, activations[l]!, l + 1 < model.layers.length)));
  return activations;
}

/** Class probabilities for one input. */
export function predictProbabilities(model: Mlp, x: Float32Array): Float32Array {
  const activations = forward(model, x);
  return softmax(activations[activations.length - 1]!);
}

type Moments = { m: Float32Array; v: Float32Array };

/**
 * Trains in place with Adam on cross-entropy against `targets` (one probability vector per row: one-hot labels,
 * or a victim's soft outputs when a surrogate copies them). Returns the mean loss of the last epoch.
 */
export function trainMlp(model: Mlp, rows: readonly Float32Array[], targets: readonly Float32Array[], options: TrainOptions): number {
  const batchSize = options.batchSize ?? 32;
  const rate = options.learningRate ?? 1e-3;
  const decay = options.weightDecay ?? 0;
  const params = model.layers.flatMap((layer) => [layer.weights, layer.bias]);
  const grads = params.map((p) => new Float32Array(p.length));
  const moments: Moments[] = params.map((p) => ({ m: new Float32Array(p.length), v: new Float32Array(p.length) }));
  let step = 0;
  let lastLoss = 0;
  for (let epoch = 0; epoch < options.epochs; epoch += 1) {
    const order = shuffledIndices(rows.length, options.random);
    let loss = 0;
    for (let start = 0; start < order.length; start += batchSize) {
      for (const g of grads) g.fill(0);
      const batch = order.slice(start, start + batchSize);
      for (const index of batch) loss += accumulate(model, rows[index]!, targets[index]!, grads);
      step += 1;
      params.forEach((p, k) => adam(p, grads[k]!, moments[k]!, { rate, step, scale: 1 / batch.length, decay: k % 2 === 0 ? decay : 0 }));
    }
    lastLoss = loss / rows.length;
  }
  return lastLoss;
}

function accumulate(model: Mlp, x: Float32Array, target: Float32Array, grads: Float32Array[]): number {
  const activations = forward(model, x);
  const probabilities = softmax(activations[activations.length - 1]!);
  let loss = 0;
  let delta = new Float32Array(probabilities.length);
  for (let c = 0; c < probabilities.length; c += 1) {
    delta[c] = probabilities[c]! - target[c]!;
    if (target[c]! > 0) loss -= target[c]! * Math.log(Math.max(probabilities[c]!, 1e-12));
  }
  for (let l = model.layers.length - 1; l >= 0; l -= 1) {
    const layer = model.layers[l]!;
    const input = activations[l]!;
    const gw = grads[2 * l]!;
    const gb = grads[2 * l + 1]!;
    const back = new Float32Array(layer.inputs);
    // The first layer's inputs are the data: no gradient flows back into them.
    const propagate = l > 0;
    for (let o = 0; o < layer.outputs; o += 1) {
      const d = delta[o]!;
      if (d === 0) continue;
      gb[o] = gb[o]! + d;
      const row = o * layer.inputs;
      for (let i = 0; i < layer.inputs; i += 1) gw[row + i] = gw[row + i]! + d * input[i]!;
      if (propagate) for (let i = 0; i < layer.inputs; i += 1) back[i] = back[i]! + d * layer.weights[row + i]!;
    }
    // ReLU: gradient flows only where the hidden unit was active.
    if (l > 0) for (let i = 0; i < back.length; i += 1) if (input[i]! <= 0) back[i] = 0;
    delta = back;
  }
  return loss;
}

function adam(param: Float32Array, grad: Float32Array, moments: Moments, step: { rate: number; step: number; scale: number; decay: number }): void {
  const b1 = 0.9;
  const b2 = 0.999;
  const c1 = 1 - b1 ** step.step;
  const c2 = 1 - b2 ** step.step;
  for (let i = 0; i < param.length; i += 1) {
    const g = grad[i]! * step.scale + step.decay * param[i]!;
    moments.m[i] = b1 * moments.m[i]! + (1 - b1) * g;
    moments.v[i] = b2 * moments.v[i]! + (1 - b2) * g * g;
    param[i] = param[i]! - (step.rate * (moments.m[i]! / c1)) / (Math.sqrt(moments.v[i]! / c2) + 1e-8);
  }
}

/** A one-hot target vector. */
export function oneHot(label: number, classes: number): Float32Array {
  const out = new Float32Array(classes);
  out[label] = 1;
  return out;
}
