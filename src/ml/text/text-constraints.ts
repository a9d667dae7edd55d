import { z } from 'zod';

/** Words a text attack never changes (a small English stop-word list: function words carry the sentence). */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  ('a about above after again against all am an and any are as at be because been before being below between both but by can did do does doing '
    + 'down during each few for from further had has have having he her here hers herself him himself his how i if in into is it its itself just '
    + 'me more most my myself no nor not now of off on once only or other our ours ourselves out over own same she should so some such than that the '
    + 'their theirs them themselves then there these they this those through to too under until up very was we were what when where which while who '
    + 'whom why will with you your yours yourself yourselves').split(' '),
);

/** The constraints every text attack keeps, validated and reported with its results (TextAttack's point: they decide success). */
export const textConstraints = z.strictObject({
  /** Largest fraction of the text's words changed. */
  maxPerturbedFraction: z.number().positive().max(1).default(0.25),
  /** Largest Damerau–Levenshtein distance of a changed word from the original (character attacks). */
  maxEditDistance: z.number().int().min(1).max(5).default(1),
  /** Shortest word that may be changed. */
  minWordLength: z.number().int().min(1).max(20).default(3),
  /** Leave stop words alone. */
  keepStopWords: z.boolean().default(true),
});

/** Parsed text constraints. */
export type TextConstraints = z.output<typeof textConstraints>;

/** The text as a list of tokens (words and the spaces between them are kept apart so the text rebuilds exactly). */
export function tokenize(text: string): string[] {
  return text.split(/(\s+)/).filter((t) => t.length > 0);
}

/** Positions of the tokens an attack may change: words, long enough, not stop words (when kept). */
export function changeable(tokens: readonly string[], constraints: TextConstraints): number[] {
  return tokens.flatMap((t, i) => (/\s/.test(t) || t.length < constraints.minWordLength || (constraints.keepStopWords && STOP_WORDS.has(t.toLowerCase())) ? [] : [i]));
}

/** Words in the text (for the perturbed fraction). */
export function wordCount(tokens: readonly string[]): number {
  return tokens.filter((t) => !/\s/.test(t)).length;
}

/** Damerau–Levenshtein (optimal string alignment) distance. */
export function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}
