import { normalizedWords } from '../classifiers/content-words.js';

/** How much of a system prompt a reply reproduces. */
export type PromptOverlap = {
  /** Share of the prompt's distinct word n-grams that also occur in the reply, in [0, 1]. */
  readonly share: number;
  /** Length, in words, of the longest run of the prompt the reply repeats verbatim. */
  readonly longestRun: number;
  /** The n-gram size used (smaller than asked when the prompt is shorter). */
  readonly n: number;
};

function ngrams(words: readonly string[], n: number): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + n <= words.length; i += 1) grams.add(words.slice(i, i + n).join(' '));
  return grams;
}

/** Longest common run of consecutive words (dynamic programming over one row). */
function longestCommonRun(a: readonly string[], b: readonly string[]): number {
  let best = 0;
  let previous = new Array<number>(b.length + 1).fill(0);
  for (const word of a) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j += 1) {
      if (b[j - 1] !== word) continue;
      current[j] = (previous[j - 1] ?? 0) + 1;
      best = Math.max(best, current[j] ?? 0);
    }
    previous = current;
  }
  return best;
}

/** Measures how much of `prompt` appears in `reply`, by word n-grams and by the longest verbatim run. */
export function promptOverlap(prompt: string, reply: string, n: number): PromptOverlap {
  const promptWords = normalizedWords(prompt);
  const replyWords = normalizedWords(reply);
  const size = Math.max(1, Math.min(n, promptWords.length));
  const promptGrams = ngrams(promptWords, size);
  const replyGrams = ngrams(replyWords, size);
  const found = [...promptGrams].filter((gram) => replyGrams.has(gram)).length;
  const share = promptGrams.size === 0 ? 0 : found / promptGrams.size;
  return { share, longestRun: longestCommonRun(replyWords, promptWords), n: size };
}
