import type { MlInput, TensorSpec } from '../../core/ml.js';

/** Values in one input of this spec: the product of its shape. */
export function tensorSize(spec: TensorSpec): number {
  return spec.shape.reduce((product, dim) => product * dim, 1);
}

/**
 * The inputs laid end to end in one float32 buffer, shaped [inputs.length, ...spec.shape]. A text input or one of
 * the wrong length is a programming error of the caller (an attack), not a failure of the target.
 */
export function tensorBatch(inputs: readonly MlInput[], where: { readonly spec: TensorSpec; readonly targetId: string }): Float32Array {
  const size = tensorSize(where.spec);
  const batch = new Float32Array(inputs.length * size);
  inputs.forEach((input, i) => {
    if (typeof input === 'string') throw new TypeError(`${where.targetId} classifies tensors, not text`);
    if (input.length !== size) throw new RangeError(`${where.targetId} takes ${size} values per input, got ${input.length}`);
    batch.set(input, i * size);
  });
  return batch;
}
