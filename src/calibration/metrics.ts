// Cohen's kappa: J. Cohen (1960), "A coefficient of agreement for nominal scales", Educ. Psychol. Meas. 20:37–46.
import { wilsonInterval, type Interval } from '../stats/wilson.js';
import type { ConfusionMatrix } from './confusion.js';

/** A proportion with its count and 95% Wilson interval; `value` is null when nothing was counted. */
export type MeasuredRate = Interval & {
  /** successes / n, or null when n = 0. */
  readonly value: number | null;
  /** Rows that met the condition. */
  readonly successes: number;
  /** Rows the rate is taken over. */
  readonly n: number;
};

/** Agreement of a scorer with human labels, over the decided (scored) rows only. */
export type AgreementMetrics = {
  /** Decided rows: the four cells of the confusion matrix. */
  readonly decided: number;
  /** (TP + TN) / decided, with its interval. */
  readonly accuracy: MeasuredRate;
  /** Recall, true-positive rate: TP / (TP + FN), with its interval. */
  readonly sensitivity: MeasuredRate;
  /** True-negative rate: TN / (TN + FP), with its interval. */
  readonly specificity: MeasuredRate;
  /** TP / (TP + FP); null when nothing was predicted positive. */
  readonly precision: number | null;
  /** Same as sensitivity.value, under its retrieval name. */
  readonly recall: number | null;
  /** Harmonic mean of precision and recall; null when either is null or both are 0. */
  readonly f1: number | null;
  /** Cohen's kappa: agreement beyond chance, (po − pe) / (1 − pe); null when chance agreement is total. */
  readonly kappa: number | null;
};

/** A rate with its Wilson interval. */
export function measuredRate(successes: number, n: number): MeasuredRate {
  return { value: n === 0 ? null : successes / n, successes, n, ...wilsonInterval(successes, n) };
}

/** Cohen's kappa of a 2 × 2 table: observed agreement corrected for the agreement the two marginals give by chance. */
export function cohensKappa(m: ConfusionMatrix): number | null {
  const n = m.truePositive + m.falsePositive + m.trueNegative + m.falseNegative;
  if (n === 0) return null;
  const observed = (m.truePositive + m.trueNegative) / n;
  const positive = ((m.truePositive + m.falsePositive) / n) * ((m.truePositive + m.falseNegative) / n);
  const negative = ((m.trueNegative + m.falseNegative) / n) * ((m.trueNegative + m.falsePositive) / n);
  const chance = positive + negative;
  return chance === 1 ? null : (observed - chance) / (1 - chance);
}

/** Accuracy, sensitivity, specificity (each with a Wilson 95% interval), precision, recall, F1 and kappa. */
export function agreementMetrics(m: ConfusionMatrix): AgreementMetrics {
  const decided = m.truePositive + m.falsePositive + m.trueNegative + m.falseNegative;
  const sensitivity = measuredRate(m.truePositive, m.truePositive + m.falseNegative);
  const predictedPositive = m.truePositive + m.falsePositive;
  const precision = predictedPositive === 0 ? null : m.truePositive / predictedPositive;
  const recall = sensitivity.value;
  const f1 = precision === null || recall === null || precision + recall === 0 ? null : (2 * precision * recall) / (precision + recall);
  return {
    decided,
    accuracy: measuredRate(m.truePositive + m.trueNegative, decided),
    sensitivity,
    specificity: measuredRate(m.trueNegative, m.trueNegative + m.falsePositive),
    precision,
    recall,
    f1,
    kappa: cohensKappa(m),
  };
}
