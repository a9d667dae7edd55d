import { isInvisible } from '../converters/shared/invisible.js';

/** Longest evidence quote, in characters after escaping. */
const MAX_EVIDENCE = 160;

/** True for a Unicode tag character (U+E0000–U+E007F), which renders as nothing and can spell hidden ASCII. */
export function isTagCharacter(codePoint: number): boolean {
  return codePoint >= 0xe0000 && codePoint <= 0xe007f;
}

/** `\u{200B}` for one code point. */
export function escapedCodePoint(codePoint: number): string {
  return `\\u{${codePoint.toString(16).toUpperCase().padStart(4, '0')}}`;
}

/** The text on one line with every invisible character (format, control, tag, variation selector) shown as \u{…}. */
export function escapeHidden(text: string): string {
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '\n' || char === '\r' || char === '\t') out += ' ';
    else if (isInvisible(char) || isTagCharacter(code)) out += escapedCodePoint(code);
    else out += char;
  }
  return out.replace(/ {2,}/g, ' ');
}

/** Cuts text to the evidence length, marking the cut with '…'. */
export function clipEvidence(text: string, max = MAX_EVIDENCE): string {
  const chars = Array.from(text.trim());
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** A short quote of `text` from a little before `index` (a UTF-16 offset), escaped and clipped. */
export function quoteAround(text: string, index: number): string {
  let start = Math.max(0, index - 30);
  // Never start in the middle of a surrogate pair.
  if (start > 0 && /[\uDC00-\uDFFF]/.test(text[start] ?? '')) start -= 1;
  const window = text.slice(start, start + 400);
  return clipEvidence(`${start > 0 ? '…' : ''}${escapeHidden(window)}`);
}
