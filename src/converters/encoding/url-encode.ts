// Source: PyRIT's URL converter (Lopez Munoz et al., 2024, arXiv:2410.02828): percent-encoding as obfuscation.
import { defineTextConverter } from '../shared/define-text-converter.js';
import { JAILBREAK_TAXONOMY } from '../shared/taxonomy.js';

/** RFC 3986 unreserved characters, which percent-encoding may leave as they are. */
const UNRESERVED = /^[A-Za-z0-9\-._~]$/;

/** Reads every run of %XX escapes back as UTF-8 bytes; other characters pass through. */
export function decodeUrl(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => Buffer.from(run.replaceAll('%', ''), 'hex').toString('utf8'));
}

/** Percent-encodes the prompt's UTF-8 bytes (RFC 3986); with `all`, letters and digits too. */
export const urlEncode = defineTextConverter({
  id: 'url-encode',
  summary: 'Percent-encodes the prompt (RFC 3986); option all=true escapes letters and digits too.',
  taxonomy: JAILBREAK_TAXONOMY,
  version: 1,
  defaults: { all: false },
  decode: () => decodeUrl,
  build:
    ({ all }) =>
    (text) =>
      Array.from(Buffer.from(text, 'utf8'), (byte) => {
        const char = String.fromCharCode(byte);
        return !all && UNRESERVED.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
      }).join(''),
});
