import { deriveSeed, seededRandom } from '../core/random.js';
import type { SampleCandidate, SampleItem } from '../core/review-sample.js';

/**
 * Draws (or extends) a review sample, stratified by the judge's verdict: up to half of the new draws from each
 * verdict, the rest from the other when one runs short, each a uniform draw without replacement from attempts not
 * yet sampled (an extension keeps the union a random sample within each verdict). Deterministic for a seed.
 */
export function drawReviewSample(input: { candidates: readonly SampleCandidate[]; size: number; seed: number; existing: readonly SampleItem[] }): SampleItem[] {
  const taken = new Set(input.existing.map((item) => item.seq));
  const wanted = Math.max(0, input.size - input.existing.length);
  const pools = (['success', 'failure'] as const).map((verdict) => {
    const pool = input.candidates.filter((c) => c.verdict === verdict && !taken.has(c.seq)).map((c) => c.seq).sort((a, b) => a - b);
    // Fisher–Yates over the sorted pool, seeded by the run's seed, the stratum and how much was drawn before.
    const random = seededRandom(deriveSeed(input.seed, 'review-sample', verdict, input.existing.length));
    for (let i = pool.length - 1; i > 0; i -= 1) {
      const j = Math.floor(random() * (i + 1));
      [pool[i], pool[j]] = [pool[j]!, pool[i]!];
    }
    return { verdict, pool };
  });
  const [success, failure] = pools as [(typeof pools)[number], (typeof pools)[number]];
  let fromSuccess = Math.min(success.pool.length, Math.ceil(wanted / 2));
  const fromFailure = Math.min(failure.pool.length, wanted - fromSuccess);
  fromSuccess = Math.min(success.pool.length, wanted - fromFailure);
  const drawn = [
    ...success.pool.slice(0, fromSuccess).map((seq) => ({ seq, stratum: 'success' as const })),
    ...failure.pool.slice(0, fromFailure).map((seq) => ({ seq, stratum: 'failure' as const })),
  ];
  // Reviewed in a seeded mixed order, so a person who stops early has labels from both verdicts.
  const order = seededRandom(deriveSeed(input.seed, 'review-order', input.existing.length));
  const keyed = drawn.map((item) => ({ item, key: order() })).sort((a, b) => a.key - b.key);
  const start = input.existing.reduce((max, item) => Math.max(max, item.position + 1), 0);
  return keyed.map(({ item }, index) => ({ ...item, position: start + index }));
}
