// Membership inference: the confidence (loss) threshold of Yeom et al., "Privacy Risk in Machine Learning", CSF 2018,
// and the label-only attack of Choquette-Choo et al., "Label-Only Membership Inference Attacks", ICML 2021 (robustness
// of the label to random perturbations).
import type { MlAttackInfo, MlSample, Oracle, TensorSpec } from '../../core/ml.js';
import type { Random } from '../../core/random.js';
import { normal } from '../vector.js';

/** What `redline ml attacks` says about the confidence-threshold membership attack. */
export const MEMBERSHIP_THRESHOLD: MlAttackInfo = {
  id: 'membership-threshold',
  summary: 'Membership inference from the victim\'s confidence in the true class: training members tend to score higher.',
  access: 'scores',
  modalities: ['tabular', 'image', 'text'],
  norm: 'l0',
  source: 'Yeom et al., Privacy Risk in Machine Learning, CSF 2018 (loss threshold)',
  taxonomy: { atlas: ['AML.T0024.000', 'AML.T0040'], owasp: [] },
};

/** What `redline ml attacks` says about the label-only membership attack. */
export const MEMBERSHIP_LABEL_ONLY: MlAttackInfo = {
  id: 'membership-label-only',
  summary: 'Label-only membership inference: members keep their (correct) label under more random perturbations.',
  access: 'label',
  modalities: ['tabular', 'image'],
  norm: 'l0',
  source: 'Choquette-Choo et al., Label-Only Membership Inference Attacks, ICML 2021 (noise robustness)',
  taxonomy: { atlas: ['AML.T0024.000', 'AML.T0040'], owasp: [] },
};

/** The membership attacks' ids. */
export type MembershipAttackId = typeof MEMBERSHIP_THRESHOLD.id | typeof MEMBERSHIP_LABEL_ONLY.id;

/**
 * One record's membership score (higher: more likely a training member), and whether the victim labels it right. Threshold: the victim's probability of the
 * true class (one query). Label-only: the share of the record and `copies` noisy copies (Gaussian, σ = `noise` of the
 * range) the victim labels correctly (1 + copies queries).
 */
export async function membershipScore(options: {
  readonly attack: MembershipAttackId;
  readonly oracle: Oracle;
  readonly sample: MlSample;
  readonly input?: TensorSpec;
  readonly copies: number;
  readonly noise: number;
  readonly random: Random;
}): Promise<{ readonly score: number; readonly correct: boolean }> {
  const { sample, oracle } = options;
  if (options.attack === 'membership-threshold') {
    const [p] = await oracle.query([sample.input]);
    const probability = p!.probabilities?.[sample.label];
    if (probability === undefined) throw new TypeError('membership-threshold needs class probabilities');
    return { score: probability, correct: p!.label === sample.label };
  }
  if (typeof sample.input === 'string' || options.input === undefined) throw new TypeError('membership-label-only perturbs tensor inputs');
  const x = sample.input;
  const { min, max } = options.input;
  const sigma = options.noise * (max - min);
  const batch = [x];
  for (let k = 0; k < options.copies; k += 1) {
    const copy = new Float32Array(x.length);
    for (let i = 0; i < x.length; i += 1) copy[i] = Math.min(max, Math.max(min, x[i]! + sigma * normal(options.random)));
    batch.push(copy);
  }
  const labels = await oracle.query(batch);
  return { score: labels.filter((p) => p.label === sample.label).length / labels.length, correct: labels[0]!.label === sample.label };
}
