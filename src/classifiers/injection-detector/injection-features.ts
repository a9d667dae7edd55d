// The injection detector's features: hashed uni- and bigrams of tokens (words, and runs of punctuation such as '###'
// or '[system]'), plus the rule-based injection patterns as dense signals. (In-word character 3- and 4-grams were
// tried and dropped: they lowered leave-one-source-out accuracy, see docs/decisions/029-injection-detector.md.)
import { injectionPatterns } from '../injected-instruction-classifier.js';

/** Bucket count of the hashed feature space (2^15). */
export const INJECTION_BUCKETS = 1 << 15;

/** Tokens per window: long texts are read as overlapping windows of this many tokens, the highest-scoring one counts. */
export const WINDOW_TOKENS = 48;

/** Tokens between the starts of consecutive windows. */
export const WINDOW_STRIDE = 12;

/** One token of the input: where it is, and the hashed features it contributes to any window holding it. */
export type InjectionToken = {
  /** Offset of its first character in the input. */
  readonly start: number;
  /** Offset just past its last character. */
  readonly end: number;
  /** Bucket indices: its unigram, and its bigram with the token before (when there is one). */
  readonly buckets: readonly number[];
};

/** The features of a whole input: its tokens in order, and for each injection pattern the tokens where it matched. */
export type InjectionFeatures = {
  /** Tokens in input order. */
  readonly tokens: readonly InjectionToken[];
  /** For each of `injectionPatterns` (same order), the indices of the tokens its matches start in. */
  readonly patternHits: readonly (readonly number[])[];
};

/** A window of tokens, [start, end). */
export type TokenWindow = { readonly start: number; readonly end: number };

/** Number of dense pattern signals (one per rule-based injection pattern). */
export const PATTERN_COUNT = injectionPatterns.length;

const TOKEN = /[\p{L}\p{M}\p{N}_']+|[^\s\p{L}\p{M}\p{N}_']+/gu;

/** FNV-1a over a string's UTF-16 code units from `from` to `to`, seeded by a feature kind. */
function fnv(text: string, from: number, to: number, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = from; i < to; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** Buckets of one normalised token: its unigram, and its bigram with the previous token. */
function tokenBuckets(word: string, previous: string | undefined): number[] {
  const out = [fnv(word, 0, word.length, 1) % INJECTION_BUCKETS];
  if (previous !== undefined) {
    const pair = `${previous} ${word}`;
    out.push(fnv(pair, 0, pair.length, 2) % INJECTION_BUCKETS);
  }
  return out;
}

/** Index of the token holding character `offset` (the last token starting at or before it). */
function tokenAt(tokens: readonly InjectionToken[], offset: number): number {
  let low = 0;
  let high = tokens.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((tokens[mid]?.start ?? 0) <= offset) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Tokenises an input (NFKC, lower-cased per token, offsets into the input as given) and finds the pattern hits. */
export function injectionFeatures(text: string): InjectionFeatures {
  const tokens: InjectionToken[] = [];
  let previous: string | undefined;
  for (const match of text.matchAll(TOKEN)) {
    const word = match[0].normalize('NFKC').toLowerCase();
    tokens.push({ start: match.index, end: match.index + match[0].length, buckets: tokenBuckets(word, previous) });
    previous = word;
  }
  // matchAll copies each pattern, so the shared (non-global) patterns keep no state between calls.
  const patternHits = injectionPatterns.map((pattern) =>
    tokens.length === 0 ? [] : [...text.matchAll(new RegExp(pattern.source, `${pattern.flags}g`))].map((m) => tokenAt(tokens, m.index)),
  );
  return { tokens, patternHits };
}

/** The windows a text is read in: the whole text when short, else WINDOW_TOKENS-token windows every WINDOW_STRIDE tokens. */
export function tokenWindows(tokenCount: number): TokenWindow[] {
  if (tokenCount <= WINDOW_TOKENS) return [{ start: 0, end: tokenCount }];
  const windows: TokenWindow[] = [];
  for (let start = 0; ; start += WINDOW_STRIDE) {
    const end = Math.min(start + WINDOW_TOKENS, tokenCount);
    windows.push({ start: end - WINDOW_TOKENS, end });
    if (end === tokenCount) return windows;
  }
}

/** The dense pattern signals of one window: 1 where a pattern matched inside it, else 0. */
export function windowPatterns(features: InjectionFeatures, window: TokenWindow): number[] {
  return features.patternHits.map((hits) => (hits.some((t) => t >= window.start && t < window.end) ? 1 : 0));
}

/** The bucket indices of one window, repeats kept (their count sets the window's scale). */
export function windowBuckets(features: InjectionFeatures, window: TokenWindow): number[] {
  const out: number[] = [];
  for (let t = window.start; t < window.end; t += 1) out.push(...(features.tokens[t]?.buckets ?? []));
  return out;
}
