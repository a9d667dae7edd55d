// Source: cipher jailbreaks, Yuan et al., "GPT-4 Is Too Smart To Be Safe: Stealthy Chat with LLMs via Cipher" (2023), arXiv:2308.06463.
import { defineTextConverter } from '../shared/define-text-converter.js';
import { substituteLetters } from '../shared/letter-cipher.js';
import { JAILBREAK_TAXONOMY } from '../shared/taxonomy.js';

/** Undoes a Caesar shift of `shift` places. */
export function decodeCaesar(text: string, shift: number): string {
  return substituteLetters(text, (i) => i - shift);
}

/** Shifts each Latin letter `shift` places along the alphabet, keeping case. */
export const caesar = defineTextConverter({
  id: 'caesar',
  summary: 'Shifts each Latin letter along the alphabet (Caesar cipher, option shift, default 3).',
  taxonomy: JAILBREAK_TAXONOMY,
  version: 1,
  defaults: { shift: 3 },
  ranges: { shift: { min: -1000, max: 1000 } },
  decode: ({ shift }) => (text) => decodeCaesar(text, shift),
  build:
    ({ shift }) =>
    (text) =>
      substituteLetters(text, (i) => i + shift),
});
