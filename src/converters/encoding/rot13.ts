// Source: encoding-based jailbreaks, Wei et al., "Jailbroken: How Does LLM Safety Training Fail?" (2023), arXiv:2307.02483.
import { defineConverter } from '../../core/converter.js';
import { rot13Text } from '../../core/rot13.js';

/** ROT13 letter rotation. */
export const rot13 = defineConverter({
  id: 'rot13',
  summary: 'Rotates letters by 13 places (ROT13); models often read it, keyword filters do not.',
  taxonomy: { atlas: ['AML.T0051.000', 'AML.T0054'], owasp: ['LLM01:2025'] },
  version: 1,
  create: () => ({ id: 'rot13', convert: rot13Text }),
});
