/** Format and control characters, variation selectors and blank fillers: they render as nothing. */
const INVISIBLE = /^[\p{Cf}\p{Cc}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}\u115F\u1160\u3164\uFFA0]$/u;

/** True for a character that prints nothing visible (line breaks and tabs count as visible layout). */
export function isInvisible(char: string): boolean {
  return char !== '\n' && char !== '\r' && char !== '\t' && INVISIBLE.test(char);
}

/** How many times each invisible code point occurs, in order of first appearance. */
export function invisibleCounts(text: string): Map<number, number> {
  const counts = new Map<number, number>();
  for (const char of text) {
    if (isInvisible(char)) counts.set(char.codePointAt(0)!, (counts.get(char.codePointAt(0)!) ?? 0) + 1);
  }
  return counts;
}
