// Source: encoding-based jailbreaks, Wei et al., "Jailbroken: How Does LLM Safety Training Fail?" (2023), arXiv:2307.02483.
import { defineTextConverter } from '../shared/define-text-converter.js';
import { JAILBREAK_TAXONOMY } from '../shared/taxonomy.js';

/** Reads base64 back into UTF-8 text. */
export function decodeBase64(text: string): string {
  return Buffer.from(text, 'base64').toString('utf8');
}

/**
 * Reads a reply written in base64: the whole reply when it is one blob, else each blob of 16 or more base64 characters
 * that decodes to printable text (a model answering in kind often mixes prose and base64, or drops the padding).
 */
export function decodeBase64Reply(text: string): string {
  const printable = (decoded: string): boolean => decoded.length > 0 && !/[\u0000-\u0008\u000e-\u001f\ufffd]/.test(decoded);
  const whole = text.trim();
  if (/^[A-Za-z0-9+/=\s_-]+$/.test(whole)) {
    const decoded = decodeBase64(whole.replace(/\s+/g, ''));
    if (printable(decoded)) return decoded;
  }
  return text.replace(/[A-Za-z0-9+/]{16,}={0,2}/g, (blob) => {
    const decoded = decodeBase64(blob);
    return printable(decoded) ? decoded : blob;
  });
}

/** Encodes the prompt as base64 (UTF-8). */
export const base64 = defineTextConverter({
  id: 'base64',
  summary: 'Encodes the prompt as base64, hiding its words from surface filters.',
  taxonomy: JAILBREAK_TAXONOMY,
  version: 1,
  decode: () => decodeBase64Reply,
  build: () => (text) => Buffer.from(text, 'utf8').toString('base64'),
});
