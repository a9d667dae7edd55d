import { countCommonWords } from '../classifiers/decoders/common-words.js';
import type { ConverterChain } from '../converters/chain.js';

/** Share of a text's words that are common English words: how much it reads as language. */
export function readability(text: string): number {
  const words = text.toLowerCase().match(/[a-z']+/g) ?? [];
  return words.length === 0 ? 0 : countCommonWords(text) / words.length;
}

/** How much more readable a decoding must be before it is taken as the reply's meaning. */
const CLEARLY_BETTER = 0.15;

/**
 * A reply written in kind, read back through the chain that encoded the prompt: the decoded text when it reads
 * clearly better as language than the reply as received (models often answer base64 with base64), else undefined.
 */
export function readInKind(chain: ConverterChain, reply: string): string | undefined {
  if (!chain.reversible || reply.trim() === '') return undefined;
  let decoded: string;
  try {
    decoded = chain.decode(reply);
  } catch {
    return undefined;
  }
  if (decoded === reply || decoded.trim() === '') return undefined;
  return readability(decoded) >= readability(reply) + CLEARLY_BETTER ? decoded : undefined;
}
