// Source: hiding a request in a word puzzle, cf. PyRIT's first-letter converter (Lopez Munoz et al., 2024, arXiv:2410.02828).
import { defineTextConverter } from '../shared/define-text-converter.js';
import { EVASION_TAXONOMY } from '../shared/taxonomy.js';

/** Our own filler words, three per letter; the k-th use of a letter takes word k mod 3. */
const FILLER: Readonly<Record<string, readonly string[]>> = Object.fromEntries(
  (
    'amber anchor autumn|bright basket breeze|copper candle cedar|distant daisy drift|eager ember echo|' +
    'fern feather falcon|garden granite gentle|harbor hazel hollow|island ivory indigo|jasmine jolly juniper|' +
    'kettle kindle kestrel|lantern lemon linen|meadow maple marble|nectar noble nimble|orchard olive ocean|' +
    'pebble pine plum|quiet quilt quartz|river rustic raven|silver sparrow saffron|timber tulip thistle|' +
    'umber upland usual|velvet valley violet|willow walnut winter|xylophone xenon xylem|yellow yonder yarrow|zephyr zinnia zest'
  )
    .split('|')
    .map((words) => [words[0]!, words.split(' ')]),
);

/** Reads an acrostic back: the first character of each token, lines joined by spaces. */
export function decodeAcrostic(text: string): string {
  return text
    .split('\n')
    .map((line) => line.split(' ').map((token) => Array.from(token)[0] ?? '').join(''))
    .join(' ');
}

/** Hides the prompt as the first letters of filler words, one line per word of the prompt. */
export const acrostic = defineTextConverter({
  id: 'acrostic',
  summary: 'Hides the prompt in the first letters of filler words, one line per word of the prompt.',
  taxonomy: EVASION_TAXONOMY,
  version: 1,
  build: () => (text) => {
    const uses = new Map<string, number>();
    const token = (char: string): string => {
      const words = FILLER[char.toLowerCase()];
      if (words === undefined) return char;
      const n = uses.get(char.toLowerCase()) ?? 0;
      uses.set(char.toLowerCase(), n + 1);
      const word = words[n % words.length]!;
      return char === char.toLowerCase() ? word : word[0]!.toUpperCase() + word.slice(1);
    };
    return text
      .split(' ')
      .map((word) => Array.from(word, token).join(' '))
      .join('\n');
  },
});
