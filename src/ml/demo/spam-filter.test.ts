import { describe, expect, it } from 'vitest';
import { loadSpamSplits } from '../datasets/spam-assassin.js';
import { demoSpamFilter, packNaiveBayes, trainSpamFilter } from './spam-filter.js';
import { SPAM_FILTER_WEIGHTS } from './spam-filter-weights.js';

describe('the demo spam filter', () => {
  const splits = loadSpamSplits();

  it('is reproduced exactly by its recipe from the SpamAssassin package', () => {
    const packed = packNaiveBayes(trainSpamFilter(splits.train));
    expect(packed.vocabulary).toBe(SPAM_FILTER_WEIGHTS.vocabulary);
    expect(packed.logLikelihoods).toBe(SPAM_FILTER_WEIGHTS.logLikelihoods);
  });

  it('gets 95.9 % of the held-out messages right', async () => {
    const predictions = await demoSpamFilter().classify(splits.test.map((s) => s.input), new AbortController().signal);
    const right = predictions.filter((p, i) => p.label === splits.test[i]!.label).length;
    expect(right / splits.test.length).toBeCloseTo(0.9586, 3);
  });
});
