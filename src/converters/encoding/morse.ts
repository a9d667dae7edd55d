// Source: cipher jailbreaks, Yuan et al., "GPT-4 Is Too Smart To Be Safe: Stealthy Chat with LLMs via Cipher" (2023), arXiv:2308.06463.
import { charMapCodec, SPELLING_LAYOUT, zipCharMap } from '../shared/char-map.js';
import { defineTextConverter } from '../shared/define-text-converter.js';
import { JAILBREAK_TAXONOMY } from '../shared/taxonomy.js';

/** International Morse code for A–Z, 0–9 and common punctuation. */
const MORSE = charMapCodec(
  zipCharMap(
    'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.,?\'!/()&:;=+-_"$@',
    (
      '.- -... -.-. -.. . ..-. --. .... .. .--- -.- .-.. -- -. --- .--. --.- .-. ... - ..- ...- .-- -..- -.-- --.. ' +
      '----- .---- ..--- ...-- ....- ..... -.... --... ---.. ----. ' +
      '.-.-.- --..-- ..--.. .----. -.-.-- -..-. -.--. -.--.- .-... ---... -.-.-. -...- .-.-. -....- ..--.- .-..-. ...-..- .--.-.'
    ).split(' '),
  ),
  SPELLING_LAYOUT,
);

/** Reads Morse code back into upper-case text; unknown tokens pass through. */
export const decodeMorse = MORSE.decode;

/** Writes the prompt in International Morse code. */
export const morse = defineTextConverter({
  id: 'morse',
  summary: "Writes the prompt in International Morse code (letters split by ' ', words by ' / ').",
  taxonomy: JAILBREAK_TAXONOMY,
  version: 1,
  decode: () => MORSE.decode,
  build: () => MORSE.encode,
});
