import { rot13Text as rot13 } from '../../core/rot13.js';
import { isAscii } from '../ascii-text.js';
import { commonWords, countCommonWords } from './common-words.js';

// A segment is decoded when rot13 yields at least this many common words, and more than twice as many as before.
const minDecodedWords = 2;

/** The common words as rot13 writes them: a word of the text is one of these exactly when its rotation is common. */
const rotatedCommonWords: ReadonlySet<string> = new Set([...commonWords].map(rot13));

/**
 * Common words of an ASCII segment before and after rot13, from one pass over its words: rot13 keeps every letter a
 * letter and everything else as it is, so the rotated text's words are the rotations of the segment's words.
 */
function commonWordsBothWays(part: string): { before: number; after: number } {
  let before = 0;
  let after = 0;
  for (const word of part.toLowerCase().match(/[a-z']+/g) ?? []) {
    if (commonWords.has(word)) before += 1;
    if (rotatedCommonWords.has(word)) after += 1;
  }
  return { before, after };
}

/** Decodes the segments (lines, or the text after a colon) that read as English only after rot13; null when none do. */
export function decodeRot13Segments(text: string): string | null {
  // The capturing split keeps separators at odd indices, so joining restores the layout.
  const parts = text.split(/(\n|:\s+)/);
  let decoded = false;
  const out = parts.map((part, index) => {
    if (index % 2 === 1) return part;
    // Outside ASCII, lower-casing can make an ASCII letter that rot13 never saw (K, the Kelvin sign, becomes k): such
    // a segment is rotated and counted as written.
    if (isAscii(part)) {
      const { before, after } = commonWordsBothWays(part);
      if (after < minDecodedWords || after <= 2 * before) return part;
      decoded = true;
      return rot13(part);
    }
    const flipped = rot13(part);
    const after = countCommonWords(flipped);
    if (after < minDecodedWords || after <= 2 * countCommonWords(part)) return part;
    decoded = true;
    return flipped;
  });
  return decoded ? out.join('') : null;
}
