// Source: PyRIT's diacritic converter (Lopez Munoz et al., 2024, arXiv:2410.02828): accents that keep words readable.
import { addMarks } from '../shared/combining-marks.js';
import { defineSeededConverter } from '../shared/define-seeded-converter.js';
import { EVASION_TAXONOMY } from '../shared/taxonomy.js';

/** Familiar accents: acute, grave, circumflex, tilde, macron, diaeresis, ring, caron. */
const ACCENTS = Array.from('\u0301\u0300\u0302\u0303\u0304\u0308\u030A\u030C');

/** Adds one combining accent, chosen at random, after every letter. */
export const diacritics = defineSeededConverter({
  id: 'diacritics',
  summary: 'Adds a random combining accent to every letter ("Hélló"), seeded by the text so it repeats.',
  taxonomy: EVASION_TAXONOMY,
  version: 1,
  build: () => (text, random) => addMarks(text, { marks: ACCENTS, count: 1, random }),
});
