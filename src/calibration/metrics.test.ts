import { describe, expect, it } from 'vitest';
import { wilsonInterval } from '../stats/wilson.js';
import { countConfusion, type LabeledPrediction } from './confusion.js';
import { agreementMetrics, cohensKappa } from './metrics.js';

/** `n` copies of one (predicted, actual) pair. */
const pairs = (n: number, predicted: boolean | undefined, actual: boolean): LabeledPrediction[] => Array.from({ length: n }, () => ({ predicted, actual }));

describe('agreement metrics', () => {
  // The textbook 2 × 2 example: two raters, 50 items; both yes 20, A yes/B no 5, A no/B yes 10, both no 15.
  // po = 35/50 = 0.7; pe = 0.5·0.6 + 0.5·0.4 = 0.5; kappa = (0.7 − 0.5) / (1 − 0.5) = 0.4.
  const table = countConfusion([...pairs(20, true, true), ...pairs(5, true, false), ...pairs(10, false, true), ...pairs(15, false, false)]);

  it("computes Cohen's kappa of the textbook example", () => {
    expect(cohensKappa(table)).toBeCloseTo(0.4, 12);
  });

  it('computes accuracy, precision, recall, F1 and specificity by hand', () => {
    const m = agreementMetrics(table);
    expect(m.decided).toBe(50);
    expect(m.accuracy.value).toBeCloseTo(35 / 50, 12);
    expect(m.precision).toBeCloseTo(20 / 25, 12);
    expect(m.recall).toBeCloseTo(20 / 30, 12);
    expect(m.sensitivity.value).toBe(m.recall);
    expect(m.specificity.value).toBeCloseTo(15 / 20, 12);
    // F1 = 2 · 0.8 · (2/3) / (0.8 + 2/3) = 8/11.
    expect(m.f1).toBeCloseTo(8 / 11, 12);
  });

  it('gives accuracy, sensitivity and specificity Wilson 95% intervals with their counts', () => {
    const m = agreementMetrics(table);
    expect(m.accuracy).toMatchObject({ successes: 35, n: 50, ...wilsonInterval(35, 50) });
    expect(m.sensitivity).toMatchObject({ successes: 20, n: 30, ...wilsonInterval(20, 30) });
    expect(m.specificity).toMatchObject({ successes: 15, n: 20, ...wilsonInterval(15, 20) });
  });

  it('leaves unscored predictions out of every metric but counts them', () => {
    const withUnscored = countConfusion([...pairs(20, true, true), ...pairs(5, true, false), ...pairs(10, false, true), ...pairs(15, false, false), ...pairs(7, undefined, true)]);
    expect(withUnscored.unscored).toBe(7);
    expect(agreementMetrics(withUnscored)).toEqual(agreementMetrics(table));
  });

  it('says null, not 0 or NaN, where a metric is undefined', () => {
    const allNegative = agreementMetrics(countConfusion(pairs(4, false, false)));
    expect(allNegative).toMatchObject({ precision: null, recall: null, f1: null, kappa: null });
    expect(allNegative.sensitivity).toMatchObject({ value: null, n: 0, low: 0, high: 1 });
    expect(allNegative.specificity.value).toBe(1);
  });

  it('gives kappa 1 for perfect agreement and below 0 for systematic disagreement', () => {
    expect(cohensKappa(countConfusion([...pairs(3, true, true), ...pairs(5, false, false)]))).toBe(1);
    expect(cohensKappa(countConfusion([...pairs(3, true, false), ...pairs(5, false, true)]))).toBeLessThan(0);
  });
});
