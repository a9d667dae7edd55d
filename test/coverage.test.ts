import { describe, expect, it } from 'vitest';
import { scan } from '../src/api/scan.js';
import { buildChain } from '../src/converters/chain.js';
import { starterGoals } from '../src/datasets/starter-goals.js';
import { singleTurnRequest } from '../src/engine/single-turn-request.js';
import { demoSuccessProbability, demoTargetOptions } from '../src/targets/demo/index.js';
import { techniqueRegistry } from '../src/techniques/registry.js';
import { prepareTechnique } from '../src/techniques/technique-hash.js';

const RUNS = 300;
const TRIALS = 40;

describe('statistics against ground truth (the demo target’s known success probability)', () => {
  it('the Wilson 95% interval covers the true attack success rate in about 95% of seeded runs', async () => {
    const goal = starterGoals.find((g) => g.id === 'starter/phishing-email')!;
    const { technique } = prepareTechnique(techniqueRegistry.find((t) => t.id === 'role-play')!);
    const request = singleTurnRequest({ goal, technique, chain: buildChain([]) });
    const options = demoTargetOptions.parse({ type: 'demo', defense: 'low' });
    const truth = demoSuccessProbability({ messages: request.messages, seed: 0 }, options).probability;
    expect(truth).toBeGreaterThan(0.1);
    expect(truth).toBeLessThan(0.9);

    let covered = 0;
    let total = 0;
    for (let seed = 1; seed <= RUNS; seed += 1) {
      const result = await scan({
        database: ':memory:',
        reports: { json: false, html: false },
        config: {
          target: { type: 'demo', defense: 'low' },
          goals: [{ id: goal.id, text: goal.text, category: goal.category }],
          techniques: ['role-play'],
          converters: [[]],
          trials: TRIALS,
          seed,
          scoring: { scorers: ['refusal'] },
        },
      });
      const cell = result.summary.cells[0]!;
      // Every demo reply must be read correctly by the scorer, or the rate would not estimate the truth.
      expect(cell.errors + cell.unscored).toBe(0);
      if (cell.ciLow! <= truth && truth <= cell.ciHigh!) covered += 1;
      total += cell.successes;
    }
    const coverage = covered / RUNS;
    const mean = total / (RUNS * TRIALS);
    // Wilson's exact coverage at n = 40 stays within about 93–97%; 300 runs add ±2.5% (2 s.e.) of noise.
    expect(coverage).toBeGreaterThan(0.9);
    expect(coverage).toBeLessThan(0.995);
    // The pooled estimate is unbiased: within 4 standard errors of the truth.
    expect(Math.abs(mean - truth)).toBeLessThan(4 * Math.sqrt((truth * (1 - truth)) / (RUNS * TRIALS)));
    console.info(`coverage ${(coverage * 100).toFixed(1)}% over ${RUNS} runs of ${TRIALS} trials; true p ${truth.toFixed(4)}, pooled estimate ${mean.toFixed(4)}`);
  });
});
