import { describe, expect, it } from 'vitest';
import type { EvasionAttack, MlSample, Oracle } from '../../core/ml.js';
import { seededRandom } from '../../core/random.js';
import { loadDigitSplits } from '../datasets/mnist-digits.js';
import { DIGIT_INPUT, demoDigitClassifier } from '../demo/demo-digits.js';
import { createOracle } from '../oracle.js';
import { l2, linf } from '../vector.js';
import { hopSkipJump, hopSkipJumpOptions } from './hop-skip-jump.js';
import { signOpt, signOptOptions } from './sign-opt.js';
import { simba, simbaOptions } from './simba.js';
import { squareAttack, squareAttackOptions } from './square-attack.js';

const signal = new AbortController().signal;
const victim = demoDigitClassifier();
const samples: MlSample[] = [];
for (const s of loadDigitSplits().test.slice(0, 12)) {
  const [p] = await victim.classify([s.input], signal);
  if (p!.label === s.label && samples.length < 4) samples.push(s);
}

async function attackAll(attack: EvasionAttack, options: { access: 'label' | 'scores'; budget: number }) {
  const seen: { oracle: Oracle; labels: number[] }[] = [];
  const results = [];
  for (const [i, sample] of samples.entries()) {
    const labels: number[] = [];
    const oracle = createOracle({
      access: options.access, budget: options.budget,
      classify: async (inputs) => {
        const out = await victim.classify(inputs, signal);
        labels.push(...out.map((p) => (p.probabilities === undefined ? -1 : p.label)));
        return out;
      },
    });
    seen.push({ oracle, labels });
    results.push({ sample, result: await attack.run({ sample, oracle, input: DIGIT_INPUT, classes: 10, random: seededRandom(i + 1), signal }) });
  }
  return { results, seen };
}

describe('evasion attacks against the demo digit victim', () => {
  it.each([
    ['hop-skip-jump', hopSkipJump(hopSkipJumpOptions.parse({})), 'label', 3000],
    ['sign-opt', signOpt(signOptOptions.parse({})), 'label', 3000],
    ['simba', simba(simbaOptions.parse({})), 'scores', 3000],
    ['square', squareAttack(squareAttackOptions.parse({})), 'scores', 3000],
  ] as const)('%s finds inputs the victim labels differently, within its query budget', async (_name, attack, access, budget) => {
    const { results, seen } = await attackAll(attack, { access, budget });
    for (const [i, { sample, result }] of results.entries()) {
      expect(seen[i]!.oracle.used).toBeLessThanOrEqual(budget);
      expect(result.adversarial).toBeInstanceOf(Float32Array);
      const adversarial = result.adversarial as Float32Array;
      const [p] = await victim.classify([adversarial], signal);
      expect(p!.label).not.toBe(sample.label);
      for (const v of adversarial) expect(v >= 0 && v <= 1).toBe(true);
      if (attack.id === 'square') expect(linf(adversarial, sample.input as Float32Array)).toBeLessThanOrEqual(0.3 + 1e-6);
    }
  }, 60_000);

  it('HopSkipJump\'s distance only shrinks as it spends queries, and ends far below where it started', async () => {
    const { results } = await attackAll(hopSkipJump(hopSkipJumpOptions.parse({})), { access: 'label', budget: 4000 });
    for (const { sample, result } of results) {
      const distances = result.progress.map((p) => p.distance);
      for (let i = 1; i < distances.length; i += 1) expect(distances[i]!).toBeLessThanOrEqual(distances[i - 1]! + 1e-9);
      expect(distances[distances.length - 1]!).toBeLessThan(distances[0]! / 2);
      expect(l2(result.adversarial as Float32Array, sample.input as Float32Array)).toBeCloseTo(distances[distances.length - 1]!, 5);
    }
  }, 60_000);

  it('a label-only attack never sees class probabilities, even from a victim that returns them', async () => {
    const oracle = createOracle({ access: 'label', budget: 10, classify: (inputs) => victim.classify(inputs, signal) });
    const [p] = await oracle.query([samples[0]!.input]);
    expect(p!.probabilities).toBeUndefined();
  });

  it('a batch the budget cannot cover is refused whole: nothing is sent', async () => {
    let sent = 0;
    const oracle = createOracle({ access: 'scores', budget: 3, classify: async (inputs) => { sent += inputs.length; return victim.classify(inputs, signal); } });
    await oracle.query([samples[0]!.input, samples[1]!.input]);
    await expect(oracle.query([samples[0]!.input, samples[1]!.input])).rejects.toThrow(/budget of 3/);
    expect(sent).toBe(2);
    expect(oracle.used).toBe(2);
  });
});
