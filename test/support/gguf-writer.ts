/**
 * A minimal GGUF v3 writer for tests: metadata key/values and f32 tensors, laid out as llama.cpp reads them
 * (ggml's gguf.cpp): header, key/values, tensor infos, padding to the alignment, then each tensor's data aligned.
 */

/** One metadata value, typed as GGUF stores it. */
export type GgufValue =
  | { readonly type: 'u32'; readonly value: number }
  | { readonly type: 'i32'; readonly value: number }
  | { readonly type: 'f32'; readonly value: number }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'string'; readonly value: string }
  | { readonly type: 'strings'; readonly value: readonly string[] }
  | { readonly type: 'f32s'; readonly value: readonly number[] }
  | { readonly type: 'i32s'; readonly value: readonly number[] };

/** One f32 tensor: its name, its shape in ggml order (fastest-varying dimension first) and its values. */
export type GgufTensor = { readonly name: string; readonly shape: readonly number[]; readonly data: Float32Array };

// GGUF value type codes (gguf.h).
const typeCode = { u32: 4, i32: 5, f32: 6, bool: 7, string: 8, array: 9 } as const;
const ggmlF32 = 0;
// The default `general.alignment`.
const alignment = 32;

/** Appends little-endian fields to a growing list of chunks. */
class Chunks {
  readonly parts: Buffer[] = [];
  length = 0;
  push(buffer: Buffer): void {
    this.parts.push(buffer);
    this.length += buffer.length;
  }
  u32(value: number): void {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(value);
    this.push(b);
  }
  i32(value: number): void {
    const b = Buffer.alloc(4);
    b.writeInt32LE(value);
    this.push(b);
  }
  u64(value: number): void {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(value));
    this.push(b);
  }
  f32(value: number): void {
    const b = Buffer.alloc(4);
    b.writeFloatLE(value);
    this.push(b);
  }
  string(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    this.u64(bytes.length);
    this.push(bytes);
  }
  pad(): void {
    const extra = (alignment - (this.length % alignment)) % alignment;
    if (extra > 0) this.push(Buffer.alloc(extra));
  }
}

function writeValue(out: Chunks, value: GgufValue): void {
  switch (value.type) {
    case 'u32': return (out.u32(typeCode.u32), out.u32(value.value));
    case 'i32': return (out.u32(typeCode.i32), out.i32(value.value));
    case 'f32': return (out.u32(typeCode.f32), out.f32(value.value));
    case 'bool': return (out.u32(typeCode.bool), out.push(Buffer.from([value.value ? 1 : 0])));
    case 'string': return (out.u32(typeCode.string), out.string(value.value));
    case 'strings': return (out.u32(typeCode.array), out.u32(typeCode.string), out.u64(value.value.length), value.value.forEach((s) => out.string(s)));
    case 'f32s': return (out.u32(typeCode.array), out.u32(typeCode.f32), out.u64(value.value.length), value.value.forEach((n) => out.f32(n)));
    case 'i32s': return (out.u32(typeCode.array), out.u32(typeCode.i32), out.u64(value.value.length), value.value.forEach((n) => out.i32(n)));
  }
}

/** The bytes of a GGUF v3 file holding these metadata and tensors. */
export function writeGguf(input: { readonly metadata: readonly (readonly [string, GgufValue])[]; readonly tensors: readonly GgufTensor[] }): Buffer {
  const out = new Chunks();
  out.push(Buffer.from('GGUF', 'ascii'));
  out.u32(3);
  out.u64(input.tensors.length);
  out.u64(input.metadata.length);
  for (const [key, value] of input.metadata) {
    out.string(key);
    writeValue(out, value);
  }
  let offset = 0;
  for (const tensor of input.tensors) {
    out.string(tensor.name);
    out.u32(tensor.shape.length);
    for (const size of tensor.shape) out.u64(size);
    out.u32(ggmlF32);
    out.u64(offset);
    offset += Math.ceil(tensor.data.byteLength / alignment) * alignment;
  }
  out.pad();
  for (const tensor of input.tensors) {
    out.push(Buffer.from(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
    out.pad();
  }
  return Buffer.concat(out.parts);
}
