import type { AttemptEvent } from '../../core/event.js';
import { searchTextOf } from '../../core/search-text.js';

/** Longest word indexed, in characters (a tsvector lexeme holds at most 2047 bytes; a base64 blob is not a word anyone types). */
const LONGEST_WORD = 256;
/** Most distinct words indexed per attempt (a tsvector holds at most 1 MB). */
const MOST_WORDS = 20_000;

/**
 * The words of a text as the index holds them, split and folded in JavaScript rather than by a text-search
 * configuration (`unaccent` is an extension a server may lack): runs of letters and digits, decomposed (NFKD) with
 * their combining marks dropped, lower-cased. 'Naïve CAFÉ' gives naive, cafe — the SQLite index's unicode61 tokenizer
 * with diacritics removed, near enough that the same searches find the same attempts.
 */
export function wordsOf(text: string): string[] {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().match(/[\p{L}\p{N}\p{Co}]+/gu) ?? [];
}

/** An attempt's distinct words (prompts and replies), space-separated: what the writer stores as its tsvector. */
export function attemptWords(events: readonly AttemptEvent[]): string {
  const text = searchTextOf(events);
  const words = new Set<string>();
  for (const word of wordsOf(`${text.prompt}\n${text.reply}`)) {
    if (word.length > LONGEST_WORD) continue;
    words.add(word);
    if (words.size >= MOST_WORDS) break;
  }
  return [...words].join(' ');
}

/**
 * A person's search words as a tsquery every word of which must match, or undefined when nothing searchable was
 * typed. Built from the folded words alone, each one quoted: operators and punctuation typed are never query syntax.
 */
export function searchQuery(typed: string): string | undefined {
  const words = wordsOf(typed).filter((w) => w.length <= LONGEST_WORD).slice(0, 16);
  return words.length === 0 ? undefined : words.map((w) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`).join(' & ');
}
