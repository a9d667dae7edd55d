import { isAscii } from './ascii-text.js';

/** Lower-cased words (letters and digits): differences of case, punctuation and spacing vanish. */
export function normalizedWords(text: string): string[] {
  // NFKC leaves ASCII as it is, and in ASCII the letters and digits are [a-z0-9] once lower-cased: most replies skip
  // the normalization pass and the Unicode-aware scan (the same words either way).
  if (isAscii(text)) return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return text.normalize('NFKC').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words that carry no topic: function words and the verbs every request uses ("write", "explain", "give"). */
const STOP_WORDS = new Set(
  ('a an the and or but if then so of to in on at by for with from into onto about as is are was were be been being am ' +
    'do does did have has had can could would should will shall may might must i me my we our you your he she it its they ' +
    'them their this that these those what which who whom whose when where why how not no yes all any some each every ' +
    'more most very just also only than too such there here up out over under again please tell give write make create ' +
    'explain describe provide show list help need want know like get one two use using way ways thing things something ' +
    'someone anything really need let lets im dont cant').split(' '),
);

/**
 * A crude stem: lower-case, plural and common suffixes dropped, cut to six letters, so "hacking" meets "hacker". The
 * longest of the suffixes -ing, -ers, then -er, -ed, -es, -ly, then -s goes (what /(?:ing|ers|er|ed|es|ly|s)$/ would
 * replace), tested with endsWith: a regex tried at every position of every word cost more than the rest of the reading.
 */
export function stem(word: string): string {
  const cut = word.endsWith('ing') || word.endsWith('ers') ? 3
    : word.endsWith('er') || word.endsWith('ed') || word.endsWith('es') || word.endsWith('ly') ? 2
      : word.endsWith('s') ? 1 : 0;
  return word.slice(0, Math.min(word.length - cut, 6));
}

/** True for a word of digits only (a word never is empty); most words fail on their first character. */
function allDigits(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 48 && c <= 57 && /^\d+$/.test(word);
}

/** The content words of a text, normalised and stemmed: what a reply on the same topic is likely to repeat. */
export function contentWords(text: string): Set<string> {
  return contentWordsOf(normalizedWords(text));
}

/** The content words among a text's `normalizedWords`, stemmed (for a caller that already has them). */
export function contentWordsOf(words: readonly string[]): Set<string> {
  return new Set(words.filter((word) => word.length >= 3 && !STOP_WORDS.has(word) && !allDigits(word)).map(stem));
}

/** Share of the `wanted` content words found in `said`, in [0, 1]; 0 when nothing is wanted. */
export function coverageOf(wanted: ReadonlySet<string>, said: ReadonlySet<string>): number {
  if (wanted.size === 0) return 0;
  let found = 0;
  for (const word of wanted) if (said.has(word)) found += 1;
  return found / wanted.size;
}

/** Share of the goal's content words that the response uses, in [0, 1]; 0 when the goal has none. */
export function goalCoverage(goal: string, response: string): number {
  const wanted = contentWords(goal);
  return wanted.size === 0 ? 0 : coverageOf(wanted, contentWords(response));
}

/** How many distinct content words two sets share. */
export function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared += 1;
  return shared;
}

/** How many distinct content words the goal and the response share. */
export function sharedWords(goal: string, response: string): number {
  return sharedCount(contentWords(goal), contentWords(response));
}
