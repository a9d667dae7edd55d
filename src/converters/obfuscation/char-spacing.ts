// Source: PyRIT's character-space converter (Lopez Munoz et al., 2024, arXiv:2410.02828).
import { defineTextConverter } from '../shared/define-text-converter.js';
import { interleave } from '../shared/interleave.js';
import { EVASION_TAXONOMY } from '../shared/taxonomy.js';

/** Puts `separator` between every two characters, spaces included. */
export const charSpacing = defineTextConverter({
  id: 'char-spacing',
  summary: 'Puts a separator (default a space) between every two characters: "H e l l o".',
  taxonomy: EVASION_TAXONOMY,
  version: 1,
  defaults: { separator: ' ' },
  build:
    ({ separator }) =>
    (text) =>
      interleave(text, { separator, scope: 'all' }),
});
