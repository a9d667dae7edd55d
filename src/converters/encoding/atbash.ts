// Source: cipher jailbreaks, Yuan et al., "GPT-4 Is Too Smart To Be Safe: Stealthy Chat with LLMs via Cipher" (2023), arXiv:2308.06463.
import { defineTextConverter } from '../shared/define-text-converter.js';
import { substituteLetters } from '../shared/letter-cipher.js';
import { JAILBREAK_TAXONOMY } from '../shared/taxonomy.js';

/** Mirrors the alphabet (a↔z, b↔y, …), keeping case; applying it twice gives the input back. */
export const atbash = defineTextConverter({
  id: 'atbash',
  summary: 'Mirrors the Latin alphabet (a↔z, b↔y, …), the Atbash cipher; it is its own inverse.',
  taxonomy: JAILBREAK_TAXONOMY,
  version: 1,
  decode: () => (text) => substituteLetters(text, (i) => 25 - i),
  build: () => (text) => substituteLetters(text, (i) => 25 - i),
});
