// Source: Boucher et al., "Bad Characters: Imperceptible NLP Attacks" (2021), arXiv:2106.09898 (invisible characters).
import { defineTextConverter } from '../shared/define-text-converter.js';
import { graphemes } from '../shared/graphemes.js';
import { EVASION_TAXONOMY } from '../shared/taxonomy.js';
import { mapWords } from '../shared/words.js';

/** Breaks every word of `minLength` or more letters in two with `separator` (default a zero-width space). */
export const wordSplit = defineTextConverter({
  id: 'word-split',
  summary: 'Splits each long word in the middle with a zero-width space (or separator="-") so keyword filters miss it.',
  taxonomy: EVASION_TAXONOMY,
  version: 1,
  defaults: { separator: '\u200B', minLength: 5 },
  ranges: { minLength: { min: 2, max: 100 } },
  build:
    ({ separator, minLength }) =>
    (text) =>
      mapWords(text, (word) => {
        const letters = graphemes(word);
        if (letters.length < minLength) return word;
        const middle = Math.ceil(letters.length / 2);
        return `${letters.slice(0, middle).join('')}${separator}${letters.slice(middle).join('')}`;
      }),
});
