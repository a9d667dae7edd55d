// Source: encoding-based jailbreaks, Wei et al., "Jailbroken: How Does LLM Safety Training Fail?" (2023), arXiv:2307.02483.
import { rot13Text } from '../../core/rot13.js';
import { defineTextConverter } from '../shared/define-text-converter.js';
import { JAILBREAK_TAXONOMY } from '../shared/taxonomy.js';

/** ROT13 letter rotation; it is its own inverse (`rot13Text` decodes it). */
export const rot13 = defineTextConverter({
  id: 'rot13',
  summary: 'Rotates letters by 13 places (ROT13); models often read it, keyword filters do not.',
  taxonomy: JAILBREAK_TAXONOMY,
  version: 1,
  decode: () => rot13Text,
  build: () => rot13Text,
});
