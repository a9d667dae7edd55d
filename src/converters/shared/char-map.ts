import type { Codec } from './codec.js';

/** A substitution table from one character (code point) to its replacement text. */
export type CharMap = Readonly<Record<string, string>>;

/** How mapped characters are laid out: between characters of a word, and between words (input split on ' '). */
export type CharMapLayout = {
  /** Put between the replacements of one word's characters (default ''). */
  readonly separator?: string;
  /** Put between words (default ' '). */
  readonly wordSeparator?: string;
  /** Look a character up in the other case when its own case is missing (default false). */
  readonly foldCase?: boolean;
};

/** Code words or signals for each character: split by spaces, words split by ' / ' (Morse, NATO). */
export const SPELLING_LAYOUT: CharMapLayout = { separator: ' ', wordSeparator: ' / ', foldCase: true };

/** Pairs the characters of `keys` with `values`, position by position; the two must be the same length. */
export function zipCharMap(keys: string, values: readonly string[]): CharMap {
  const chars = Array.from(keys);
  if (chars.length !== values.length) throw new Error(`character map: ${chars.length} keys but ${values.length} values`);
  return Object.fromEntries(chars.map((k, i) => [k, values[i]!]));
}

/** `count` consecutive characters from code point `first`, e.g. the circled letters. */
export function codePointRun(first: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => String.fromCodePoint(first + i));
}

/** The encoder and decoder for one table and layout. */
export function charMapCodec(map: CharMap, layout: CharMapLayout = {}): Codec {
  return { encode: (text) => mapChars(text, map, layout), decode: (text) => unmapChars(text, map, layout) };
}

/** Replaces each character found in the map; others pass through unchanged. */
function mapChars(text: string, map: CharMap, layout: CharMapLayout = {}): string {
  const { separator = '', wordSeparator = ' ', foldCase = false } = layout;
  const one = (c: string): string => map[c] ?? (foldCase ? (map[c.toUpperCase()] ?? map[c.toLowerCase()]) : undefined) ?? c;
  return text
    .split(' ')
    .map((word) => Array.from(word, one).join(separator))
    .join(wordSeparator);
}

/** Undoes `mapChars` with the same map and layout (case is lost where `foldCase` was used). */
function unmapChars(text: string, map: CharMap, layout: CharMapLayout = {}): string {
  const { separator = '', wordSeparator = ' ' } = layout;
  const inverse = new Map(Object.entries(map).map(([k, v]) => [v, k]));
  const longest = Math.max(...Array.from(inverse.keys(), (v) => v.length));
  const word = (w: string): string =>
    separator === ''
      ? longestMatches(w, inverse, longest)
      : w
          .split(separator)
          .map((token) => inverse.get(token) ?? token)
          .join('');
  return text.split(wordSeparator).map(word).join(' ');
}

/** Reads replacements greedily, longest first, so multi-character ones ('⠠⠁') win over their prefixes. */
function longestMatches(text: string, inverse: ReadonlyMap<string, string>, longest: number): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    let length = Math.min(longest, text.length - i);
    while (length > 1 && !inverse.has(text.slice(i, i + length))) length -= 1;
    const piece = text.slice(i, i + length);
    out += inverse.get(piece) ?? piece;
    i += length;
  }
  return out;
}
