// Source: garak's encoding-injection probes (NVIDIA, 2023), which include zalgo text.
import { codePointRun } from '../shared/char-map.js';
import { addMarks } from '../shared/combining-marks.js';
import { defineSeededConverter } from '../shared/define-seeded-converter.js';
import { EVASION_TAXONOMY } from '../shared/taxonomy.js';

/** Every combining diacritical mark, U+0300–U+036F. */
const MARKS = codePointRun(0x300, 0x70);

/** Stacks `intensity` random combining marks on every letter. */
export const zalgo = defineSeededConverter({
  id: 'zalgo',
  summary: 'Stacks random combining marks on every letter (option intensity, marks per letter, default 3).',
  taxonomy: EVASION_TAXONOMY,
  version: 1,
  defaults: { intensity: 3 },
  ranges: { intensity: { min: 1, max: 50 } },
  build:
    ({ intensity }) =>
    (text, random) =>
      addMarks(text, { marks: MARKS, count: intensity, random }),
});
