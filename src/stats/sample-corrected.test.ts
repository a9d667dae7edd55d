import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random.js';
import type { SampleCandidate, SampleCounts } from '../core/review-sample.js';
import { drawReviewSample } from './review-sample.js';
import { sampleCorrectedDifference, sampleCorrectedRate } from './sample-corrected.js';

/**
 * One simulated run: N attempts whose true outcome is success with probability `rate`, a judge that reads each one
 * right with probability `accuracy`, and a person who labels a stratified sample of n (as `redline review --sample`).
 */
function simulate(input: { rate: number; accuracy: number; attempts: number; sample: number; seed: number }): SampleCounts {
  const random = seededRandom(input.seed);
  const truth: boolean[] = [];
  const candidates: SampleCandidate[] = [];
  for (let seq = 0; seq < input.attempts; seq += 1) {
    const success = random() < input.rate;
    const right = random() < input.accuracy;
    truth.push(success);
    candidates.push({ seq, verdict: success === right ? 'success' : 'failure' });
  }
  const sample = drawReviewSample({ candidates, size: input.sample, seed: input.seed, existing: [] });
  const count = (verdict: 'success' | 'failure') => candidates.filter((c) => c.verdict === verdict).length;
  const labeled = (stratum: 'success' | 'failure') => {
    const items = sample.filter((item) => item.stratum === stratum);
    const yes = items.filter((item) => truth[item.seq]).length;
    return { success: yes, failure: items.length - yes };
  };
  return { machine: { success: count('success'), failure: count('failure') }, labeled: { success: labeled('success'), failure: labeled('failure') } };
}

describe('sampleCorrectedRate (judge-stratified double sampling)', () => {
  it('covers the true rate in at least 93% of runs for judges of 60–95% accuracy (400 attempts, 50 labeled)', () => {
    const runs = 300;
    const lines: string[] = [];
    for (const accuracy of [0.6, 0.75, 0.95]) {
      // Pooled over true rates from rare to even, per judge accuracy (900 runs each, so the figure is within ±1.5 points).
      let covered = 0;
      for (const rate of [0.05, 0.2, 0.5]) {
        let here = 0;
        for (let r = 0; r < runs; r += 1) {
          const corrected = sampleCorrectedRate(simulate({ rate, accuracy, attempts: 400, sample: 50, seed: 1000 * r + Math.round(accuracy * 100) + rate * 7 }), { draws: 2000 })!;
          if (corrected.ciLow <= rate && rate <= corrected.ciHigh) here += 1;
        }
        lines.push(`accuracy ${accuracy} true rate ${rate}: coverage ${(here / runs).toFixed(3)}`);
        expect(here / runs, `accuracy ${accuracy}, true rate ${rate}`).toBeGreaterThanOrEqual(0.9);
        covered += here;
      }
      expect(covered / (3 * runs), `accuracy ${accuracy}`).toBeGreaterThanOrEqual(0.93);
    }
    console.log(lines.join('\n'));
  });

  it('is unbiased where the raw rate of a lenient judge is not', () => {
    // A judge that calls 30% of failures successes: raw ≈ 0.2 + 0.8 × 0.3 = 0.44 for a true 0.2.
    let raw = 0;
    let corrected = 0;
    const runs = 200;
    for (let r = 0; r < runs; r += 1) {
      const random = seededRandom(r + 1);
      const truth = Array.from({ length: 400 }, () => random() < 0.2);
      const candidates = truth.map((t, seq): SampleCandidate => ({ seq, verdict: t || random() < 0.3 ? 'success' : 'failure' }));
      const sample = drawReviewSample({ candidates, size: 60, seed: r, existing: [] });
      const labeled = (s: 'success' | 'failure') => {
        const items = sample.filter((i) => i.stratum === s);
        return { success: items.filter((i) => truth[i.seq]).length, failure: items.filter((i) => !truth[i.seq]).length };
      };
      const flagged = candidates.filter((c) => c.verdict === 'success').length;
      raw += flagged / 400;
      corrected += sampleCorrectedRate({ machine: { success: flagged, failure: 400 - flagged }, labeled: { success: labeled('success'), failure: labeled('failure') } })!.asr;
    }
    expect(raw / runs).toBeGreaterThan(0.4);
    expect(Math.abs(corrected / runs - 0.2)).toBeLessThan(0.02);
  });

  it('has no corrected rate without labels, and keeps an unlabeled verdict\'s whole uncertainty', () => {
    const none = { success: 0, failure: 0 };
    expect(sampleCorrectedRate({ machine: { success: 10, failure: 90 }, labeled: { success: none, failure: none } })).toBeNull();
    // Only the judge's successes were labeled (all confirmed): the 90 failures could hide anything.
    const half = sampleCorrectedRate({ machine: { success: 10, failure: 90 }, labeled: { success: { success: 10, failure: 0 }, failure: none } })!;
    expect(half.ciHigh - half.ciLow).toBeGreaterThan(0.8);
    expect(half.agreement).toEqual({ confirmed: 10, ofSuccess: 10, missed: 0, ofFailure: 0 });
  });

  it('draws half from each verdict, extends without repeating, and is the same for the same seed', () => {
    const candidates = Array.from({ length: 100 }, (_, seq): SampleCandidate => ({ seq, verdict: seq < 10 ? 'success' : 'failure' }));
    const first = drawReviewSample({ candidates, size: 30, seed: 7, existing: [] });
    expect(first.filter((i) => i.stratum === 'success')).toHaveLength(10);
    expect(first.filter((i) => i.stratum === 'failure')).toHaveLength(20);
    expect(drawReviewSample({ candidates, size: 30, seed: 7, existing: [] })).toEqual(first);
    const more = drawReviewSample({ candidates, size: 50, seed: 7, existing: first });
    expect(more).toHaveLength(20);
    expect(new Set([...first, ...more].map((i) => i.seq)).size).toBe(50);
    expect(more.map((i) => i.position)).toEqual(Array.from({ length: 20 }, (_, i) => 30 + i));
    expect(drawReviewSample({ candidates, size: 20, seed: 7, existing: first })).toEqual([]);
  });

  it('the difference of two runs covers zero for equal samples and excludes it for far apart ones', () => {
    const counts = (flagged: number, confirmed: number): SampleCounts => ({ machine: { success: flagged, failure: 400 - flagged }, labeled: { success: { success: confirmed, failure: 25 - confirmed }, failure: { success: 1, failure: 24 } } });
    const same = sampleCorrectedDifference(counts(120, 20), counts(120, 20))!;
    expect(same.estimate).toBe(0);
    expect(same.low).toBeLessThan(0);
    expect(same.high).toBeGreaterThan(0);
    const apart = sampleCorrectedDifference(counts(200, 24), counts(40, 10))!;
    expect(apart.high).toBeLessThan(0);
    expect(sampleCorrectedDifference(counts(200, 24), { machine: { success: 1, failure: 1 }, labeled: { success: { success: 0, failure: 0 }, failure: { success: 0, failure: 0 } } })).toBeNull();
  });
});
