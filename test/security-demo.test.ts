import { describe, expect, it } from 'vitest';
import { deriveSeed } from '../src/core/random.js';
import type { AttackPrompt } from '../src/core/technique.js';
import type { Scorer } from '../src/core/score.js';
import { injectionGoals, leakageGoals } from '../src/datasets/security/index.js';
import { canaryScorer } from '../src/scorers/canary-scorer.js';
import { goalPatternScorer } from '../src/scorers/goal-pattern-scorer.js';
import { createDemoTarget, defaultDemoCanary, type DemoTargetInput } from '../src/targets/demo/index.js';
import { prepareTechnique } from '../src/techniques/technique-hash.js';
import { extractionTechniques, xpiaTechniques } from '../src/techniques/security/index.js';

const context = { env: {}, baseDir: '.', configFile: '<test>' };

/** Share of seeds for which the demo's reply is a success according to `scorer`. */
async function successRate(input: { options: Partial<DemoTargetInput>; prompt: AttackPrompt; scorer: Scorer; goal: (typeof injectionGoals)[number]; seeds: number }) {
  const target = createDemoTarget({ type: 'demo', ...input.options }, context);
  let successes = 0;
  for (let i = 0; i < input.seeds; i += 1) {
    const { text } = await target.send({ ...input.prompt, seed: deriveSeed(7, input.goal.id, i) }, new AbortController().signal);
    const score = await input.scorer.score({ goal: input.goal, response: text, conversation: [] });
    if (score.verdict === 'success') successes += 1;
  }
  return successes / input.seeds;
}

describe('security batteries against the demo target', () => {
  it('xpia-email hijacks the demo far more often without document spotlighting than with it', async () => {
    const goal = injectionGoals.find((g) => g.id === 'security/xpia-marker')!;
    const prompt = prepareTechnique(xpiaTechniques.find((t) => t.id === 'xpia-email')!).technique.build(goal);
    const scorer = goalPatternScorer.create({});
    const open = await successRate({ options: { documentDefense: false }, prompt, scorer, goal, seeds: 2000 });
    const defended = await successRate({ options: { documentDefense: true }, prompt, scorer, goal, seeds: 2000 });
    expect(open).toBeGreaterThan(0.45);
    expect(defended).toBeLessThan(0.08);
    expect(open - defended).toBeGreaterThan(0.4);
  });

  it('every carrier delivers every injection goal, and spotlighting blunts each', async () => {
    const scorer = goalPatternScorer.create({});
    for (const technique of xpiaTechniques) {
      for (const goal of injectionGoals) {
        const prompt = prepareTechnique(technique).technique.build(goal);
        const open = await successRate({ options: {}, prompt, scorer, goal, seeds: 300 });
        const defended = await successRate({ options: { documentDefense: true }, prompt, scorer, goal, seeds: 300 });
        expect(open - defended, `${technique.id} × ${goal.id}`).toBeGreaterThan(0.35);
      }
    }
  });

  it('every extraction variant leaks the canary sometimes at defense none', async () => {
    const goal = leakageGoals[0]!;
    const scorer = canaryScorer.create({ canaries: [defaultDemoCanary] });
    for (const technique of extractionTechniques) {
      const prompt = prepareTechnique(technique).technique.build(goal);
      const rate = await successRate({ options: { defense: 'none' }, prompt, scorer, goal, seeds: 200 });
      expect(rate, technique.id).toBeGreaterThan(0.3);
    }
  });
});
