/** A word: a letter, then letters and combining marks (digits and apostrophes end it). */
const WORD = /\p{L}[\p{L}\p{M}]*/gu;

/** Replaces every word of the text with `transform(word)`, leaving spaces, digits and punctuation alone. */
export function mapWords(text: string, transform: (word: string) => string): string {
  return text.replace(WORD, transform);
}
