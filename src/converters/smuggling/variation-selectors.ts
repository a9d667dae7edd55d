// Source: P. Butler, "Smuggling arbitrary data through an emoji" (blog, 2025): bytes as Unicode variation selectors.
import { defineTextConverter } from '../shared/define-text-converter.js';
import { SMUGGLING_TAXONOMY } from '../shared/taxonomy.js';

/** Byte b → VS1–VS16 (U+FE00 + b) for b < 16, else VS17–VS256 (U+E0100 + b − 16). */
function selector(byte: number): string {
  return String.fromCodePoint(byte < 16 ? 0xfe00 + byte : 0xe0100 + byte - 16);
}

/** The byte a variation selector stands for, or undefined for any other character. */
function selectorByte(codePoint: number): number | undefined {
  if (codePoint >= 0xfe00 && codePoint <= 0xfe0f) return codePoint - 0xfe00;
  if (codePoint >= 0xe0100 && codePoint <= 0xe01ef) return codePoint - 0xe0100 + 16;
  return undefined;
}

/** Collects the bytes carried by variation selectors and reads them as UTF-8; other characters are ignored. */
export function decodeVariationSelectors(text: string): string {
  const bytes = Array.from(text, (c) => selectorByte(c.codePointAt(0)!)).filter((b) => b !== undefined);
  return Buffer.from(bytes).toString('utf8');
}

/** Hides the prompt's UTF-8 bytes as variation selectors after one visible carrier character. */
export const variationSelectors = defineTextConverter({
  id: 'variation-selectors',
  summary: 'Hides the UTF-8 bytes as invisible variation selectors after one carrier character (default 😊).',
  taxonomy: SMUGGLING_TAXONOMY,
  version: 1,
  defaults: { carrier: '😊' },
  decode: () => decodeVariationSelectors,
  build:
    ({ carrier }) =>
    (text) =>
      carrier + Array.from(Buffer.from(text, 'utf8'), selector).join(''),
});
