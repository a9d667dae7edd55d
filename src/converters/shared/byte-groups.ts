import type { Codec } from './codec.js';

/** How a byte is written: its radix and the digits each group is padded to. */
export type ByteFormat = {
  /** 2 for binary, 16 for hex. */
  readonly radix: number;
  /** Digits per byte: 8 for binary, 2 for hex. */
  readonly width: number;
};

/** Writes each UTF-8 byte as a zero-padded group of digits, groups separated by spaces, and reads them back. */
export function byteGroupCodec(format: ByteFormat): Codec {
  return {
    encode: (text) => Array.from(Buffer.from(text, 'utf8'), (b) => b.toString(format.radix).padStart(format.width, '0')).join(' '),
    decode: (text) => {
      const groups = text.split(/\s+/).filter((g) => g !== '');
      return Buffer.from(groups.map((g) => Number.parseInt(g, format.radix))).toString('utf8');
    },
  };
}
