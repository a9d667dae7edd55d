import { commonWords } from './common-words.js';

const leetLetters: Readonly<Record<string, string>> = {
  '4': 'a', '3': 'e', '0': 'o', '5': 's', '7': 't', '@': 'a', $: 's',
};
// Leetspeak is assumed when at least this many words, and this share of all words, mix letters with leet digits.
const minLeetWords = 2;
const minLeetShare = 0.25;

function isLeetWord(token: string): boolean {
  return /[a-z]/i.test(token) && /[013457@$]/.test(token);
}

// Once the text is leetspeak, short all-leet tokens are words too ("1" → I, "4" → a, "47" → at).
function isShortLeetToken(token: string): boolean {
  return /^[013457@$]{1,3}$/.test(token);
}

/** Tells whether a decoded word is a word: by default, one of the common English words. */
export type IsWord = (word: string) => boolean;

/** A common English word, in any case. */
export const isCommonWord: IsWord = (word) => commonWords.has(word.toLowerCase());

/** Decodes one leet word; a '1' becomes 'l' when that gives a known word, else 'i'. */
function decodeLeetWord(token: string, isWord: IsWord): string {
  const mapped = [...token].map((char) => leetLetters[char] ?? char).join('');
  if (!mapped.includes('1')) return mapped;
  const withL = mapped.replaceAll('1', 'l');
  return isWord(withL) ? withL : mapped.replaceAll('1', 'i');
}

/**
 * Decodes leetspeak (4→a, 3→e, 1→i/l, 0→o, 5→s, 7→t, @→a, $→s) when many words mix letters and digits; else null.
 * `isWord` decides between 'l' and 'i' for a '1' (default: the common English words).
 */
export function decodeLeetspeak(text: string, isWord: IsWord = isCommonWord): string | null {
  // No leet character at all: no word can be a leet word (most replies; the tokenizing below is the costly part).
  if (!/[013457@$]/.test(text)) return null;
  const token = /[a-z0-9@$]+/gi;
  const words = (text.match(token) ?? []).filter((word) => /[a-z]/i.test(word));
  const leetWords = words.filter(isLeetWord).length;
  if (leetWords < minLeetWords || leetWords < words.length * minLeetShare) return null;
  const decodable = (word: string): boolean => isLeetWord(word) || isShortLeetToken(word);
  return text.replace(token, (word) => (decodable(word) ? decodeLeetWord(word, isWord) : word));
}
