// Source: garak's encoding-injection probes (NVIDIA, 2023), which include Unicode Braille payloads.
import type { Codec } from '../shared/codec.js';
import { charMapCodec, zipCharMap } from '../shared/char-map.js';
import { defineTextConverter } from '../shared/define-text-converter.js';
import { JAILBREAK_TAXONOMY } from '../shared/taxonomy.js';

/** Grade-1 cells for a–z, in alphabet order (U+2800 block). */
const LETTERS = '⠁⠃⠉⠙⠑⠋⠛⠓⠊⠚⠅⠇⠍⠝⠕⠏⠟⠗⠎⠞⠥⠧⠺⠭⠽⠵';
/** Capital sign (dot 6), number sign (dots 3-4-5-6) and the grade-1 indicator (dots 5-6), which ends a number. */
const CAPITAL = '⠠';
const NUMBER = '⠼';
const LETTER_SIGN = '⠰';

const lower = Array.from(LETTERS);
/** Digits 1–9, 0 are the cells of a–j after a number sign. */
const DIGITS = '1234567890';
const DIGIT_OF = new Map(lower.slice(0, 10).map((cell, i) => [cell, DIGITS[i]!]));
/** Letters, capitals (capital sign + letter) and basic punctuation; digits are written by `encode`. */
const TEXT = charMapCodec({
  ...zipCharMap('abcdefghijklmnopqrstuvwxyz', lower),
  ...zipCharMap('ABCDEFGHIJKLMNOPQRSTUVWXYZ', lower.map((cell) => CAPITAL + cell)),
  ...zipCharMap(",;:.!?'-", Array.from('⠂⠆⠒⠲⠖⠦⠄⠤')),
});

/**
 * As standard braille writes numbers: one number sign before a run of digits (42 → ⠼⠙⠃), and the grade-1
 * indicator before a letter a–j right after one, which would otherwise read as a digit (1a → ⠼⠁⠰⠁).
 */
const BRAILLE: Codec = {
  encode: (text) => {
    let out = '';
    let inNumber = false;
    for (const c of text) {
      const digit = DIGITS.indexOf(c);
      if (digit >= 0) out += (inNumber ? '' : NUMBER) + lower[digit];
      else out += (inNumber && c >= 'a' && c <= 'j' ? LETTER_SIGN : '') + TEXT.encode(c);
      inNumber = digit >= 0;
    }
    return out;
  },
  decode: (text) => {
    let out = '';
    let plain = '';
    let inNumber = false;
    const cells = Array.from(text);
    for (const [i, cell] of cells.entries()) {
      // A number sign opens a number only when a digit cell follows; a lone one is kept as it is.
      if (cell === NUMBER && DIGIT_OF.has(cells[i + 1] ?? '')) {
        out += TEXT.decode(plain);
        plain = '';
        inNumber = true;
      } else if (inNumber && DIGIT_OF.has(cell)) out += DIGIT_OF.get(cell)!;
      else if (inNumber && cell === LETTER_SIGN) inNumber = false;
      else {
        inNumber = false;
        plain += cell;
      }
    }
    return out + TEXT.decode(plain);
  },
};

/** Reads Grade-1 Braille back into text, capitals and numbers included. */
export const decodeBraille = BRAILLE.decode;

/** Writes the prompt in Unicode Grade-1 Braille. */
export const braille = defineTextConverter({
  id: 'braille',
  summary: 'Writes letters, digits and basic punctuation as Unicode Grade-1 Braille cells (one number sign per number).',
  taxonomy: JAILBREAK_TAXONOMY,
  version: 2,
  decode: () => BRAILLE.decode,
  build: () => BRAILLE.encode,
});
