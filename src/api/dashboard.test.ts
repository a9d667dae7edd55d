import { describe, expect, it } from 'vitest';
import { ConfigError } from '../core/errors.js';
import { attemptFilterOf } from './dashboard.js';

describe('attemptFilterOf', () => {
  it('reads every facet from a query string and gives back the pairs that rebuild it', () => {
    const params = new URLSearchParams('technique=role-play&chain=base64&category=fraud&persona=benign&outcome=error&decidedBy=none&errorKind=http-429&reviewed=no&minLatency=10&maxLatency=900&q=%20pass%20word%20&after=50&i=3');
    const { filter, carry } = attemptFilterOf(params);
    expect(filter).toEqual({ technique: 'role-play', chain: 'base64', category: 'fraud', persona: 'benign', outcome: 'error', decidedBy: 'none', errorKind: 'http-429', reviewed: false, minLatencyMs: 10, maxLatencyMs: 900, text: ' pass word ' });
    // Paging and queue positions are not part of the filter.
    expect(carry.map(([k]) => k)).not.toContain('after');
    expect(attemptFilterOf(new URLSearchParams(carry)).filter).toEqual(filter);
    expect(attemptFilterOf(new URLSearchParams('outcome=&q=%20%20')).filter).toEqual({});
  });

  it('refuses a malformed value with the parameter named and an example', () => {
    for (const bad of ['outcome=won', 'persona=admin', 'reviewed=maybe', 'minLatency=-1', 'maxLatency=1e9']) {
      const error = (() => {
        try {
          attemptFilterOf(new URLSearchParams(bad));
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error, bad).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).path, bad).toBe(bad.split('=')[0]);
    }
  });
});
