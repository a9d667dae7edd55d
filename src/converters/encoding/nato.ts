// Source: garak's encoding-injection probes (NVIDIA, 2023), which include NATO phonetic alphabet payloads.
import { charMapCodec, SPELLING_LAYOUT, zipCharMap } from '../shared/char-map.js';
import { defineTextConverter } from '../shared/define-text-converter.js';
import { JAILBREAK_TAXONOMY } from '../shared/taxonomy.js';

/** The NATO/ICAO spelling alphabet, with digits spelled out. */
const NATO = charMapCodec(
  zipCharMap(
    'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
    (
      'Alfa Bravo Charlie Delta Echo Foxtrot Golf Hotel India Juliett Kilo Lima Mike November Oscar Papa Quebec Romeo ' +
      'Sierra Tango Uniform Victor Whiskey X-ray Yankee Zulu Zero One Two Three Four Five Six Seven Eight Nine'
    ).split(' '),
  ),
  SPELLING_LAYOUT,
);

/** Reads NATO code words back into upper-case text; unknown tokens pass through. */
export const decodeNato = NATO.decode;

/** Spells the prompt in the NATO phonetic alphabet. */
export const nato = defineTextConverter({
  id: 'nato',
  summary: "Spells the prompt with NATO phonetic code words (Alfa Bravo …; words split by ' / ').",
  taxonomy: JAILBREAK_TAXONOMY,
  version: 1,
  decode: () => NATO.decode,
  build: () => NATO.encode,
});
