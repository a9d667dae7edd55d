import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random.js';
import { goalClusteredInterval } from './cluster-bootstrap.js';
import { wilsonInterval } from './wilson.js';

describe('goalClusteredInterval', () => {
  it('is null for fewer than two decided goals, and deterministic in its seed', () => {
    expect(goalClusteredInterval({ clusters: [{ success: 3, failure: 7 }, { success: 0, failure: 0 }], seed: 1 })).toBeNull();
    const clusters = [{ success: 1, failure: 9 }, { success: 6, failure: 4 }, { success: 2, failure: 8 }];
    expect(goalClusteredInterval({ clusters, seed: 4 })).toEqual(goalClusteredInterval({ clusters, seed: 4 }));
    expect(goalClusteredInterval({ clusters, seed: 4 })).toMatchObject({ goals: 3, method: 'goal-cluster-bootstrap' });
  });

  // Goals like these: half the population of goals is hard (true rate 0.05), half easy (0.6); the rate for "goals like
  // these" is 0.325. A run draws 20 goals and 10 trials each. Pooled Wilson treats the 200 trials as iid and misses
  // the variation between goals; resampling goals does not. Measured over 300 seeded runs: Wilson covers 0.673,
  // the cluster bootstrap 0.957.
  it('covers the rate over goals where pooled Wilson does not, when goals differ', () => {
    const random = seededRandom(2026);
    const truth = 0.325;
    let wilson = 0;
    let clustered = 0;
    const runs = 300;
    for (let run = 0; run < runs; run += 1) {
      const clusters = Array.from({ length: 20 }, () => {
        const p = random() < 0.5 ? 0.05 : 0.6;
        let success = 0;
        for (let t = 0; t < 10; t += 1) if (random() < p) success += 1;
        return { success, failure: 10 - success };
      });
      const s = clusters.reduce((n, c) => n + c.success, 0);
      const w = wilsonInterval(s, 200);
      if (w.low <= truth && truth <= w.high) wilson += 1;
      const b = goalClusteredInterval({ clusters, seed: run, resamples: 1000 })!;
      if (b.low <= truth && truth <= b.high) clustered += 1;
    }
    console.info(`coverage of ${truth} over ${runs} runs: pooled Wilson ${(wilson / runs).toFixed(3)}, goal cluster bootstrap ${(clustered / runs).toFixed(3)}`);
    expect(wilson / runs).toBeLessThan(0.85);
    expect(clustered / runs).toBeGreaterThanOrEqual(0.9);
  });
});
