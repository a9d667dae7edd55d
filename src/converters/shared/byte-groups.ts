import type { Codec } from './codec.js';

/** How a byte is written: its radix and the digits each group is padded to. */
export type ByteFormat = {
  /** 2 for binary, 16 for hex. */
  readonly radix: number;
  /** Digits per byte: 8 for binary, 2 for hex. */
  readonly width: number;
};

/**
 * Writes each UTF-8 byte as a zero-padded group of digits, groups separated by spaces, and reads them back; a run of
 * digits written without spaces ('48656c6c6f') is read as consecutive bytes of `width` digits.
 */
export function byteGroupCodec(format: ByteFormat): Codec {
  const digits = '0123456789abcdefghijklmnopqrstuvwxyz'.slice(0, format.radix);
  const run = new RegExp(`^[${digits}]+$`, 'i');
  const bytes = (group: string): string[] =>
    group.length > format.width && group.length % format.width === 0 && run.test(group)
      ? Array.from({ length: group.length / format.width }, (_, i) => group.slice(i * format.width, (i + 1) * format.width))
      : [group];
  return {
    encode: (text) => Array.from(Buffer.from(text, 'utf8'), (b) => b.toString(format.radix).padStart(format.width, '0')).join(' '),
    decode: (text) => {
      const groups = text.split(/\s+/).filter((g) => g !== '').flatMap(bytes);
      return Buffer.from(groups.map((g) => Number.parseInt(g, format.radix))).toString('utf8');
    },
  };
}
