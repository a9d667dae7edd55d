import { describe, expect, it } from 'vitest';
import { costLine } from './cost-lines.js';

describe('costLine', () => {
  it('says which figures are estimated and prices them', () => {
    expect(costLine({ promptTokens: 12_345, completionTokens: 3_210, attackerTokens: 4_000, estimated: true, usd: 0.0123, unpriced: [] }))
      .toBe('Cost: 12,345 prompt + 3,210 completion target tokens (partly estimated: the target reported no usage), 4,000 attacker tokens (estimated); $0.012 at the configured prices.');
  });

  it('names what has no price instead of printing $0', () => {
    expect(costLine({ promptTokens: 100, completionTokens: 50, attackerTokens: 0, estimated: false, usd: null, unpriced: ['target'] }))
      .toBe('Cost: 100 prompt + 50 completion target tokens; no price for target: set pricing in the configuration for a cost.');
  });
});
