import { rot13Text as rot13 } from '../../core/rot13.js';
import { countCommonWords } from './common-words.js';

// A segment is decoded when rot13 yields at least this many common words, and more than twice as many as before.
const minDecodedWords = 2;

/** Decodes the segments (lines, or the text after a colon) that read as English only after rot13; null when none do. */
export function decodeRot13Segments(text: string): string | null {
  // The capturing split keeps separators at odd indices, so joining restores the layout.
  const parts = text.split(/(\n|:\s+)/);
  let decoded = false;
  const out = parts.map((part, index) => {
    if (index % 2 === 1) return part;
    const flipped = rot13(part);
    const after = countCommonWords(flipped);
    if (after < minDecodedWords || after <= 2 * countCommonWords(part)) return part;
    decoded = true;
    return flipped;
  });
  return decoded ? out.join('') : null;
}
