// Source: ASCII smuggling with Unicode tag characters, J. Rehberger, Embrace The Red (2024).
import { defineTextConverter } from '../shared/define-text-converter.js';
import { SMUGGLING_TAXONOMY } from '../shared/taxonomy.js';

/** Tag characters mirror ASCII at this offset (U+E0020 is the tag space, U+E0041 TAG LATIN CAPITAL LETTER A). */
const TAG_OFFSET = 0xe0000;

// A smuggled run: tag characters (U+E0000–U+E007F) with invisible controls or format characters (zero-width,
// C0/C1 controls, language and cancel tags) mixed in, as payloads interleave them to dodge filters.
const RUN = /(?:[\u{E0000}-\u{E007F}]|[\p{Cc}\p{Cf}])+/gu;
const TAG_ASCII = /[\u{E0020}-\u{E007E}]/u;

/**
 * Maps tag characters back to ASCII: printable ones (U+E0020–U+E007E) and the tag forms of tab, line feed and carriage
 * return; inside a run of tags, other invisible controls are dropped. Everything else passes through.
 */
export function decodeUnicodeTags(text: string): string {
  return text.replace(RUN, (run) => (TAG_ASCII.test(run) ? Array.from(run, readTag).join('') : run));
}

function readTag(c: string): string {
  const code = c.codePointAt(0)!;
  const ascii = code - TAG_OFFSET;
  if (ascii >= 0x20 && ascii <= 0x7e) return String.fromCharCode(ascii);
  if (ascii === 0x09 || ascii === 0x0a || ascii === 0x0d) return String.fromCharCode(ascii);
  // Real line breaks and tabs between tagged lines are kept; any other control or tag control is noise.
  return c === '\t' || c === '\n' || c === '\r' ? c : '';
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
