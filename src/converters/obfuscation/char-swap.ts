// Source: character scrambling augmentation of Best-of-N jailbreaking, Hughes et al. (2024), arXiv:2412.03556.
import { defineSeededConverter } from '../shared/define-seeded-converter.js';
import { graphemes } from '../shared/graphemes.js';
import { EVASION_TAXONOMY } from '../shared/taxonomy.js';
import { mapWords } from '../shared/words.js';

/** In every word of four or more letters, swaps two neighbouring inner letters; first and last stay put. */
export const charSwap = defineSeededConverter({
  id: 'char-swap',
  summary: 'Swaps two neighbouring inner letters of each longer word ("secret" → "sercet"); still readable.',
  taxonomy: EVASION_TAXONOMY,
  version: 1,
  build: () => (text, random) =>
    mapWords(text, (word) => {
      const letters = graphemes(word);
      if (letters.length < 4) return word;
      // Positions 1 … length-3: the pair (i, i+1) never touches the first or last letter.
      const i = 1 + Math.floor(random() * (letters.length - 3));
      [letters[i], letters[i + 1]] = [letters[i + 1]!, letters[i]!];
      return letters.join('');
    }),
});
