// Source: garak's encoding-injection probes (NVIDIA, 2023), which ask models to follow base32 and other encodings.
import { defineTextConverter } from '../shared/define-text-converter.js';
import { JAILBREAK_TAXONOMY } from '../shared/taxonomy.js';

/** The RFC 4648 base32 alphabet. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Re-cuts a stream of `from`-bit values into `to`-bit values; a partial last group is zero-padded or dropped. */
function regroupBits(values: Iterable<number>, sizes: { from: number; to: number; padLast: boolean }): number[] {
  const { from, to } = sizes;
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const v of values) {
    value = (value << from) | v;
    for (bits += from; bits >= to; bits -= to) out.push((value >>> (bits - to)) & ((1 << to) - 1));
    value &= (1 << bits) - 1;
  }
  if (sizes.padLast && bits > 0) out.push(value << (to - bits));
  return out;
}

/** Encodes UTF-8 text as RFC 4648 base32, padded with '=' to a multiple of 8 characters. */
export function encodeBase32(text: string): string {
  const digits = regroupBits(Buffer.from(text, 'utf8'), { from: 8, to: 5, padLast: true });
  return digits.map((d) => ALPHABET[d]).join('').padEnd(Math.ceil(digits.length / 8) * 8, '=');
}

/** Reads RFC 4648 base32 back into UTF-8 text; padding, whitespace and case are ignored. */
export function decodeBase32(text: string): string {
  const digits = Array.from(text.toUpperCase(), (c) => ALPHABET.indexOf(c)).filter((d) => d >= 0);
  return Buffer.from(regroupBits(digits, { from: 5, to: 8, padLast: false })).toString('utf8');
}

/** Encodes the prompt as base32 (RFC 4648, UTF-8). */
export const base32 = defineTextConverter({
  id: 'base32',
  summary: 'Encodes the prompt as RFC 4648 base32 (UTF-8 bytes), a rarer cousin of base64.',
  taxonomy: JAILBREAK_TAXONOMY,
  version: 1,
  decode: () => decodeBase32,
  build: () => encodeBase32,
});
