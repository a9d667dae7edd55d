// The protocol buffers wire format, encode side only: https://protobuf.dev/programming-guides/encoding/

/** One encoded field (key and value), ready to be joined into a message. */
export type ProtoField = Uint8Array;

const wireVarint = 0;
const wireFixed32 = 5;
const wireLengthDelimited = 2;
const utf8 = new TextEncoder();

/** A base-128 varint; negative values take ten bytes as two's-complement int64, as protobuf writes them. */
export function encodeVarint(value: number | bigint): Uint8Array {
  let rest = BigInt.asUintN(64, BigInt(value));
  const bytes: number[] = [];
  do {
    const low = Number(rest & 0x7fn);
    rest >>= 7n;
    bytes.push(rest === 0n ? low : low | 0x80);
  } while (rest !== 0n);
  return Uint8Array.from(bytes);
}

/** Joins byte arrays into one. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.byteLength, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.byteLength;
  }
  return out;
}

function key(field: number, wireType: number): Uint8Array {
  return encodeVarint((field << 3) | wireType);
}

/** An integer field (int32, int64, enum, bool) as a varint. */
export function varintField(field: number, value: number | bigint): ProtoField {
  return concatBytes([key(field, wireVarint), encodeVarint(value)]);
}

/** A float field: four bytes, little-endian. */
export function floatField(field: number, value: number): ProtoField {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setFloat32(0, value, true);
  return concatBytes([key(field, wireFixed32), bytes]);
}

/** A bytes field: its length, then the bytes. */
export function bytesField(field: number, value: Uint8Array): ProtoField {
  return concatBytes([key(field, wireLengthDelimited), encodeVarint(value.byteLength), value]);
}

/** A string field, UTF-8. */
export function stringField(field: number, value: string): ProtoField {
  return bytesField(field, utf8.encode(value));
}

/** An embedded message field, from the message's own fields in order. */
export function messageField(field: number, fields: readonly ProtoField[]): ProtoField {
  return bytesField(field, concatBytes(fields));
}
