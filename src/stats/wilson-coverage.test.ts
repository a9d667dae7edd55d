import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random.js';
import { wilsonInterval } from './wilson.js';

// Ground truth for the interval's promise: simulate Bernoulli(p) trials and count how often the 95% interval
// holds p. Wilson's true coverage oscillates with n and p: over n ≥ 20 and p in [0.2, 0.8] it ranges from
// about 92.3% (n = 25, p = 0.70) to 97.5%, so a flat 93–97% band per point is not a property of the method.
// Honest bounds used here:
//  - at the grid points below the exact binomial coverage lies in 93–97% (checked without simulation);
//  - each simulated coverage (2,000 repetitions, standard error ≈ 0.5 points) lies within 4 standard
//    errors of that exact coverage;
//  - pooled over the grid (30,000 repetitions) the simulated coverage lies in 94–96%.
const REPETITIONS = 2000;
const SIZES = [20, 50, 100];
const PROPORTIONS = [0.2, 0.35, 0.5, 0.65, 0.8];

function covers(successes: number, n: number, p: number): boolean {
  const { low, high } = wilsonInterval(successes, n);
  return low <= p && p <= high;
}

function logFactorial(n: number): number {
  let sum = 0;
  for (let i = 2; i <= n; i += 1) sum += Math.log(i);
  return sum;
}

function exactCoverage(n: number, p: number): number {
  let sum = 0;
  for (let x = 0; x <= n; x += 1) {
    const logPmf = logFactorial(n) - logFactorial(x) - logFactorial(n - x) + x * Math.log(p) + (n - x) * Math.log(1 - p);
    if (covers(x, n, p)) sum += Math.exp(logPmf);
  }
  return sum;
}

function simulatedCoverage(n: number, p: number, seed: number): number {
  const random = seededRandom(seed);
  let hits = 0;
  for (let rep = 0; rep < REPETITIONS; rep += 1) {
    let successes = 0;
    for (let i = 0; i < n; i += 1) if (random() < p) successes += 1;
    if (covers(successes, n, p)) hits += 1;
  }
  return hits / REPETITIONS;
}

describe('Wilson 95% interval coverage', () => {
  const grid = SIZES.flatMap((n) => PROPORTIONS.map((p) => ({ n, p })));

  it.each(grid)('covers p near the nominal rate for n=$n, p=$p', ({ n, p }) => {
    const exact = exactCoverage(n, p);
    expect(exact).toBeGreaterThanOrEqual(0.93);
    expect(exact).toBeLessThanOrEqual(0.97);
    const simulated = simulatedCoverage(n, p, 1000 * n + Math.round(100 * p));
    const standardError = Math.sqrt((exact * (1 - exact)) / REPETITIONS);
    expect(Math.abs(simulated - exact)).toBeLessThanOrEqual(4 * standardError);
  });

  it('covers p in 94–96% of repetitions pooled over the grid', () => {
    const pooled = grid.reduce((sum, { n, p }, index) => sum + simulatedCoverage(n, p, 7 + index), 0) / grid.length;
    expect(pooled).toBeGreaterThanOrEqual(0.94);
    expect(pooled).toBeLessThanOrEqual(0.96);
  });
});
