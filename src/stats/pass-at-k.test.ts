import { describe, expect, it } from 'vitest';
import { passAtK } from './pass-at-k.js';

// Ground truth by enumeration: the share of k-subsets of n attempts (the first c successful) holding a success.
function bruteForce(n: number, c: number, k: number): number {
  let hit = 0;
  let all = 0;
  for (let mask = 0; mask < 1 << n; mask += 1) {
    let size = 0;
    let anySuccess = false;
    for (let i = 0; i < n; i += 1) {
      if ((mask >> i) & 1) {
        size += 1;
        if (i < c) anySuccess = true;
      }
    }
    if (size !== k) continue;
    all += 1;
    if (anySuccess) hit += 1;
  }
  return hit / all;
}

describe('passAtK', () => {
  it('matches enumeration of every k-subset for n ≤ 10', () => {
    for (let n = 1; n <= 10; n += 1) {
      for (let c = 0; c <= n; c += 1) {
        for (let k = 1; k <= n; k += 1) {
          expect(passAtK({ n, successes: c, k }), `n=${n} c=${c} k=${k}`).toBeCloseTo(bruteForce(n, c, k), 12);
        }
      }
    }
  });

  it('equals the plain success rate for k = 1', () => {
    expect(passAtK({ n: 200, successes: 37, k: 1 })).toBeCloseTo(37 / 200, 12);
  });

  it('stays finite where the binomials would overflow', () => {
    const value = passAtK({ n: 5000, successes: 3, k: 1000 });
    // 1 − ∏_{i=4998}^{5000} (1 − 1000/i), computed by hand.
    expect(value).toBeCloseTo(1 - (3998 / 4998) * (3999 / 4999) * (4000 / 5000), 12);
  });

  it('uses k = n when k exceeds n', () => {
    expect(passAtK({ n: 3, successes: 1, k: 10 })).toBe(1);
    expect(passAtK({ n: 3, successes: 0, k: 10 })).toBe(0);
  });

  it('returns null when nothing was decided', () => {
    expect(passAtK({ n: 0, successes: 0, k: 5 })).toBeNull();
  });

  it('rejects impossible input', () => {
    expect(() => passAtK({ n: 3, successes: 4, k: 1 })).toThrow(RangeError);
    expect(() => passAtK({ n: 3, successes: 1, k: 0 })).toThrow(RangeError);
  });
});
