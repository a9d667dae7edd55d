// Source: Boucher et al., "Bad Characters: Imperceptible NLP Attacks" (2021), arXiv:2106.09898 (homoglyph perturbations).
import { charMapCodec, zipCharMap } from '../shared/char-map.js';
import { defineTextConverter } from '../shared/define-text-converter.js';
import { EVASION_TAXONOMY } from '../shared/taxonomy.js';

/** Latin letters and the Cyrillic or Greek letters that render the same in most fonts. */
const CONFUSABLES = charMapCodec(
  zipCharMap('acehijopsxyvABCEHIJKMNOPSTXYZ', [
    ...Array.from('\u0430\u0441\u0435\u04BB\u0456\u0458\u043E\u0440\u0455\u0445\u0443\u03BD'),
    ...Array.from('\u0410\u0412\u0421\u0415\u041D\u0406\u0408\u041A\u041C\u039D\u041E\u0420\u0405\u0422\u0425\u03A5\u0396'),
  ]),
);

/** Maps the look-alikes back to Latin letters. */
export const decodeHomoglyphs = CONFUSABLES.decode;

/** Replaces Latin letters with Cyrillic or Greek look-alikes: same picture, different code points. */
export const homoglyph = defineTextConverter({
  id: 'homoglyph',
  summary: 'Replaces Latin letters with Cyrillic/Greek look-alikes (а, е, о, …): same look, other code points.',
  taxonomy: EVASION_TAXONOMY,
  version: 1,
  decode: () => CONFUSABLES.decode,
  build: () => CONFUSABLES.encode,
});
