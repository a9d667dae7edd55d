// Source: Boucher et al., "Bad Characters: Imperceptible NLP Attacks" (2021), arXiv:2106.09898 (invisible characters).
import { chooseOption } from '../shared/converter-options.js';
import { defineTextConverter } from '../shared/define-text-converter.js';
import { interleave } from '../shared/interleave.js';
import { SMUGGLING_TAXONOMY } from '../shared/taxonomy.js';

/** The zero-width characters this converter can insert. */
const CHARACTERS: Readonly<Record<string, string>> = { zwsp: '\u200B', zwnj: '\u200C' };

/** Removes zero-width spaces, joiners, non-joiners, word joiners and BOMs. */
export function decodeZeroWidth(text: string): string {
  return text.replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
}

/** Inserts a zero-width character between every two characters: it looks the same but tokenizes differently. */
export const zeroWidth = defineTextConverter({
  id: 'zero-width',
  summary: 'Inserts an invisible zero-width space (or character=zwnj) between every two characters.',
  taxonomy: SMUGGLING_TAXONOMY,
  version: 1,
  defaults: { character: 'zwsp' },
  decode: () => decodeZeroWidth,
  build: ({ character }) => {
    const separator = chooseOption({ id: 'zero-width', key: 'character', value: character, table: CHARACTERS });
    return (text) => interleave(text, { separator, scope: 'all' });
  },
});
