// Source: garak's encoding-injection probes (NVIDIA, 2023), which include Unicode Braille payloads.
import { charMapCodec, zipCharMap } from '../shared/char-map.js';
import { defineTextConverter } from '../shared/define-text-converter.js';
import { JAILBREAK_TAXONOMY } from '../shared/taxonomy.js';

/** Grade-1 cells for a–z, in alphabet order (U+2800 block). */
const LETTERS = '⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚⠅⠇⠍⠝⠕⠏⠟⠗⠎⠞⠥⠧⠺⠭⠽⠵';
/** Capital sign (dot 6) and number sign (dots 3-4-5-6). */
const CAPITAL = '⠠';
const NUMBER = '⠼';

const lower = Array.from(LETTERS);
/** Letters, capitals (capital sign + letter), digits (number sign + a–j) and basic punctuation. */
const BRAILLE = charMapCodec({
  ...zipCharMap('abcdefghijklmnopqrstuvwxyz', lower),
  ...zipCharMap('ABCDEFGHIJKLMNOPQRSTUVWXYZ', lower.map((cell) => CAPITAL + cell)),
  ...zipCharMap('1234567890', lower.slice(0, 10).map((cell) => NUMBER + cell)),
  ...zipCharMap(",;:.!?'-", Array.from('⠂⠆⠒⠲⠖⠦⠄⠤')),
});

/** Reads Grade-1 Braille back into text, capitals and digits included. */
export const decodeBraille = BRAILLE.decode;

/** Writes the prompt in Unicode Grade-1 Braille. */
export const braille = defineTextConverter({
  id: 'braille',
  summary: 'Writes letters, digits and basic punctuation as Unicode Grade-1 Braille cells.',
  taxonomy: JAILBREAK_TAXONOMY,
  version: 1,
  decode: () => BRAILLE.decode,
  build: () => BRAILLE.encode,
});
