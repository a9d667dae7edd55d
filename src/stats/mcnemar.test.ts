import { describe, expect, it } from 'vitest';
import { mcNemarExact } from './mcnemar.js';

describe('mcNemarExact', () => {
  it('matches the binomial tail: 1 vs 9 discordant pairs gives p = 22/1024', () => {
    expect(mcNemarExact({ successToFailure: 1, failureToSuccess: 9 }).pValue).toBeCloseTo(22 / 1024, 12);
    expect(mcNemarExact({ successToFailure: 9, failureToSuccess: 1 }).pValue).toBeCloseTo(22 / 1024, 12);
  });

  it('is 1 with no discordant pairs or a perfect balance of them, and stays finite for huge counts', () => {
    expect(mcNemarExact({ successToFailure: 0, failureToSuccess: 0 }).pValue).toBe(1);
    expect(mcNemarExact({ successToFailure: 5, failureToSuccess: 5 }).pValue).toBe(1);
    const big = mcNemarExact({ successToFailure: 400_000, failureToSuccess: 401_000 }).pValue;
    expect(big).toBeGreaterThan(0.2);
    expect(big).toBeLessThan(0.5);
    expect(mcNemarExact({ successToFailure: 0, failureToSuccess: 2_000 }).pValue).toBe(0);
  });

  it('rejects at 5 % about 5 % of the time when nothing changed (simulated pairs)', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    let rejected = 0;
    for (let run = 0; run < 2_000; run += 1) {
      let b = 0;
      let c = 0;
      for (let i = 0; i < 60; i += 1) {
        const a = random() < 0.3;
        const after = random() < 0.3;
        if (a && !after) b += 1;
        if (!a && after) c += 1;
      }
      if (mcNemarExact({ successToFailure: b, failureToSuccess: c }).pValue < 0.05) rejected += 1;
    }
    // Exact tests are conservative: at most the nominal level (plus simulation noise).
    expect(rejected / 2_000).toBeLessThan(0.06);
  });
});
