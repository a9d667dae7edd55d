// Source: encoding-based jailbreaks, Wei et al., "Jailbroken: How Does LLM Safety Training Fail?" (2023), arXiv:2307.02483.
import { defineConverter } from '../../core/converter.js';

/** Encodes the prompt as base64 (UTF-8). */
export const base64 = defineConverter({
  id: 'base64',
  summary: 'Encodes the prompt as base64, hiding its words from surface filters.',
  taxonomy: { atlas: ['AML.T0051.000', 'AML.T0054'], owasp: ['LLM01:2025'] },
  version: 1,
  create: () => ({ id: 'base64', convert: (text) => Buffer.from(text, 'utf8').toString('base64') }),
});
