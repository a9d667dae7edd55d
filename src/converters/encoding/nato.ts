// Source: garak's encoding-injection probes (NVIDIA, 2023), which include NATO phonetic alphabet payloads.
import { charMapCodec, SPELLING_LAYOUT, zipCharMap } from '../shared/char-map.js';
import { defineTextConverter } from '../shared/define-text-converter.js';
import { JAILBREAK_TAXONOMY } from '../shared/taxonomy.js';

/** The NATO/ICAO spelling alphabet, with digits spelled out. */
const WORDS = zipCharMap(
  'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
  (
    'Alfa Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima Mike November Oscar Papa Quebec Romeo ' +
    'Sierra Tango Uniform Victor Whiskey X-ray Yankee Zulu Zero One Two Three Four Five Six Seven Eight Nine'
  ).split(' '),
);
const NATO = charMapCodec(WORDS, SPELLING_LAYOUT);

// A code word read in any case, with or without its hyphen (X-ray, X-RAY, xray), and the common English spellings.
const key = (word: string) => word.toLowerCase().replace(/-/g, '');
const LETTER_OF = new Map([...Object.entries(WORDS).map(([c, word]) => [key(word), c] as const), ['alpha', 'A'], ['juliet', 'J']]);

/** Reads NATO code words back into upper-case text, in any case ('x-ray', 'X-RAY'); unknown tokens pass through. */
export function decodeNato(text: string): string {
  return text
    .split(SPELLING_LAYOUT.wordSeparator!)
    .map((word) => word.split(SPELLING_LAYOUT.separator!).map((token) => LETTER_OF.get(key(token)) ?? token).join(''))
    .join(' ');
}

/** Spells the prompt in the NATO phonetic alphabet. */
export const nato = defineTextConverter({
  id: 'nato',
  summary: "Spells the prompt with NATO phonetic code words (Alfa Bravo …; words split by ' / ').",
  taxonomy: JAILBREAK_TAXONOMY,
  version: 1,
  decode: () => decodeNato,
  build: () => NATO.encode,
});
