import { countCommonWords } from '../classifiers/decoders/common-words.js';
import type { ConverterChain } from '../converters/chain.js';

/** Share of a text's words that are common English words: how much it reads as language. */
export function readability(text: string): number {
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  return words.length === 0 ? 0 : countCommonWords(text) / words.length;
}

/** How much more readable a decoding must be before it is taken as the reply's meaning. */
const CLEARLY_BETTER = 0.15;
/** Below this, a reply does not read as language at all: a code, a marker, a blob. */
const NOT_LANGUAGE = 0.2;
// Printable text: no control characters (but tab and newline) and no replacement characters from a bad decoding.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffd]/;

/**
 * A reply written in kind, read back through the chain that encoded the prompt (models often answer base64 with
 * base64): the decoded text when it reads clearly better as language than the reply as received; both, the reply
 * then its decoding, when neither reads as language (a code or a marker: "TUFSS0VSLU9ORQ==" is "MARKER-ONE", but
 * "ZEPHYR-CODE-8841" answered plainly to a rot13 prompt must still be seen as written); else undefined.
 */
export function readInKind(chain: ConverterChain, reply: string): string | undefined {
  if (!chain.reversible || reply.trim() === '') return undefined;
  let decoded: string;
  try {
    decoded = chain.decode(reply);
  } catch {
    return undefined;
  }
  if (decoded.trim() === reply.trim() || decoded.trim() === '' || UNPRINTABLE.test(decoded)) return undefined;
  const raw = readability(reply);
  if (readability(decoded) >= raw + CLEARLY_BETTER) return decoded;
  return raw < NOT_LANGUAGE ? `${reply}\n\n${decoded}` : undefined;
}
