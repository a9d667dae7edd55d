import { softmax } from '../mlp.js';

/** A multinomial naive-Bayes text classifier: a vocabulary, class priors and per-class word log-probabilities. */
export type NaiveBayes = {
  /** The words it knows; any other word is ignored. */
  readonly vocabulary: readonly string[];
  /** log P(class). */
  readonly logPriors: Float32Array;
  /** log P(word | class), class-major: classes × vocabulary. */
  readonly logLikelihoods: Float32Array;
};

/** Splits a text into the words the classifier reads. */
export function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z][a-z']{1,19}/g) ?? [];
}

/** Trains with Laplace smoothing over the `size` words found in the most training texts (at least `minCount`). */
export function trainNaiveBayes(texts: readonly string[], labels: readonly number[], options: { readonly classes: number; readonly size: number; readonly minCount: number }): NaiveBayes {
  const documentFrequency = new Map<string, number>();
  for (const text of texts) for (const word of new Set(words(text))) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  const vocabulary = [...documentFrequency].filter(([, n]) => n >= options.minCount)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, options.size).map(([w]) => w);
  const index = new Map(vocabulary.map((w, i) => [w, i]));
  const counts = new Float64Array(options.classes * vocabulary.length);
  const totals = new Float64Array(options.classes);
  const docs = new Float64Array(options.classes);
  texts.forEach((text, t) => {
    const c = labels[t]!;
    docs[c] = docs[c]! + 1;
    for (const word of words(text)) {
      const i = index.get(word);
      if (i === undefined) continue;
      counts[c * vocabulary.length + i] = counts[c * vocabulary.length + i]! + 1;
      totals[c] = totals[c]! + 1;
    }
  });
  const logLikelihoods = new Float32Array(counts.length);
  for (let c = 0; c < options.classes; c += 1) {
    for (let i = 0; i < vocabulary.length; i += 1) logLikelihoods[c * vocabulary.length + i] = Math.log((counts[c * vocabulary.length + i]! + 1) / (totals[c]! + vocabulary.length));
  }
  const logPriors = Float32Array.from(docs, (n) => Math.log(n / texts.length));
  return { vocabulary, logPriors, logLikelihoods };
}

/** Class probabilities of a text. */
export function naiveBayesProbabilities(model: NaiveBayes, text: string, index: ReadonlyMap<string, number>): Float32Array {
  const classes = model.logPriors.length;
  const scores = Float32Array.from(model.logPriors);
  for (const word of words(text)) {
    const i = index.get(word);
    if (i === undefined) continue;
    for (let c = 0; c < classes; c += 1) scores[c] = scores[c]! + model.logLikelihoods[c * model.vocabulary.length + i]!;
  }
  return softmax(scores);
}
