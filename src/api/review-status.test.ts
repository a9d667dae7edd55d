import { describe, expect, it } from 'vitest';
import type { ReviewLabel } from '../core/attempt-query.js';
import { labelAgreement } from './review-status.js';

const label = (seq: number, reviewer: string, verdict: 'success' | 'failure', machineOutcome: ReviewLabel['machineOutcome'], labeledAt = seq): ReviewLabel =>
  ({ seq, reviewer, verdict, machineOutcome, labeledAt });

describe('labelAgreement', () => {
  it('gives Cohen’s κ for each pair of reviewers over the attempts both labeled', () => {
    // ana and bo agree on 3 of 4 shared attempts: po = 0.75, pe = 0.5 → κ = 0.5.
    const labels = [
      label(1, 'ana', 'success', 'success'), label(1, 'bo', 'success', 'success'),
      label(2, 'ana', 'success', 'failure'), label(2, 'bo', 'failure', 'failure'),
      label(3, 'ana', 'failure', 'failure'), label(3, 'bo', 'failure', 'failure'),
      label(4, 'ana', 'failure', 'success'), label(4, 'bo', 'failure', 'success'),
      label(5, 'cy', 'success', 'error'),
    ];
    const { reviewers } = labelAgreement(labels);
    expect(reviewers).toEqual([{ a: 'ana', b: 'bo', n: 4, agreement: 0.75, kappa: 0.5 }]);
  });

  it('scores the judge against the latest label of each decided attempt', () => {
    const labels = [
      label(1, 'ana', 'failure', 'success', 10), label(1, 'bo', 'success', 'success', 20),
      label(2, 'ana', 'failure', 'failure', 5),
      label(3, 'ana', 'success', 'error', 5),
    ];
    expect(labelAgreement(labels).judge).toEqual({ n: 2, agreement: 1, kappa: 1 });
    expect(labelAgreement([]).judge).toBeNull();
  });
});
