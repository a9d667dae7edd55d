// Source: Liu et al., "FlipAttack: Jailbreak LLMs via Flipping" (2024), arXiv:2410.02832.
import { defineTextConverter } from '../shared/define-text-converter.js';
import { graphemes } from '../shared/graphemes.js';
import { EVASION_TAXONOMY } from '../shared/taxonomy.js';

/** Reverses the text character by character (emoji and accented letters stay whole); its own inverse. */
export const reverse = defineTextConverter({
  id: 'reverse',
  summary: 'Reverses the prompt character by character ("dlrow olleH"); applying it twice undoes it.',
  taxonomy: EVASION_TAXONOMY,
  version: 1,
  decode: () => (text) => graphemes(text).reverse().join(''),
  build: () => (text) => graphemes(text).reverse().join(''),
});
