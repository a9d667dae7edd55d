// Source: ASCII smuggling with Unicode tag characters, J. Rehberger, Embrace The Red (2024).
import { defineTextConverter } from '../shared/define-text-converter.js';
import { SMUGGLING_TAXONOMY } from '../shared/taxonomy.js';

/** Tag characters mirror ASCII at this offset (U+E0020 is the tag space, U+E0041 TAG LATIN CAPITAL LETTER A). */
const TAG_OFFSET = 0xe0000;

/** Maps tag characters back to printable ASCII; everything else passes through. */
export function decodeUnicodeTags(text: string): string {
  return text.replace(/[\u{E0020}-\u{E007E}]/gu, (c) => String.fromCharCode(c.codePointAt(0)! - TAG_OFFSET));
}

/** Maps printable ASCII to invisible Unicode tag characters; other characters stay visible. */
export const unicodeTags = defineTextConverter({
  id: 'unicode-tags',
  summary: 'ASCII smuggling: maps printable ASCII to invisible Unicode tag characters (U+E0020–U+E007E).',
  taxonomy: SMUGGLING_TAXONOMY,
  version: 1,
  decode: () => decodeUnicodeTags,
  build: () => (text) => text.replace(/[\x20-\x7e]/g, (c) => String.fromCodePoint(TAG_OFFSET + c.charCodeAt(0))),
});
