// Source: PyRIT's string-join converter (Lopez Munoz et al., 2024, arXiv:2410.02828).
import { defineTextConverter } from '../shared/define-text-converter.js';
import { interleave } from '../shared/interleave.js';
import { EVASION_TAXONOMY } from '../shared/taxonomy.js';

/** Joins the letters of each word with `separator`; spaces between words stay. */
export const stringJoin = defineTextConverter({
  id: 'string-join',
  summary: 'Joins the letters of each word with a separator (default "-"): "H-e-l-l-o w-o-r-l-d".',
  taxonomy: EVASION_TAXONOMY,
  version: 1,
  defaults: { separator: '-' },
  build:
    ({ separator }) =>
    (text) =>
      interleave(text, { separator, scope: 'words' }),
});
