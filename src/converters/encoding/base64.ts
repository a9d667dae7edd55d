// Source: encoding-based jailbreaks, Wei et al., "Jailbroken: How Does LLM Safety Training Fail?" (2023), arXiv:2307.02483.
import { defineTextConverter } from '../shared/define-text-converter.js';
import { JAILBREAK_TAXONOMY } from '../shared/taxonomy.js';

/** Reads base64 back into UTF-8 text. */
export function decodeBase64(text: string): string {
  return Buffer.from(text, 'base64').toString('utf8');
}

/** Encodes the prompt as base64 (UTF-8). */
export const base64 = defineTextConverter({
  id: 'base64',
  summary: 'Encodes the prompt as base64, hiding its words from surface filters.',
  taxonomy: JAILBREAK_TAXONOMY,
  version: 1,
  build: () => (text) => Buffer.from(text, 'utf8').toString('base64'),
});
