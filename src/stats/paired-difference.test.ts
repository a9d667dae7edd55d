import { describe, expect, it } from 'vitest';
import { seededRandom } from '../core/random.js';
import { pairedDifference, type PairedOutcome } from './paired-difference.js';

/** A plan of positions: `goals` goals of `perGoal` attempts; each position has its chance of success under A and B. */
type Position = { readonly cluster: string; readonly pa: number; readonly pb: number; readonly blocked: boolean };

function draw(positions: readonly Position[], random: () => number): PairedOutcome[] {
  return positions.map((p) => {
    // A filter: B is A with the blocked positions stopped (the same draw, as in an ablation).
    const u = random();
    const a = u < p.pa;
    return { cluster: p.cluster, a, b: p.blocked ? false : a };
  });
}

function plan(random: () => number, input: { goals: number; perGoal: number }): Position[] {
  const positions: Position[] = [];
  for (let g = 0; g < input.goals; g += 1) {
    // Goals differ a lot: some almost always succeed, some never; the filter catches some goals' wording entirely.
    const goalRate = random() ** 2;
    const goalCaught = random() < 0.4;
    for (let i = 0; i < input.perGoal; i += 1) {
      const pa = Math.min(1, goalRate * (0.5 + random()));
      const blocked = goalCaught ? random() < 0.9 : random() < 0.1;
      positions.push({ cluster: `g${g}`, pa, pb: blocked ? 0 : pa, blocked });
    }
  }
  return positions;
}

describe('pairedDifference', () => {
  it('gives the difference, McNemar counts and an interval that is not empty when no pair differs', () => {
    const same = pairedDifference([
      { cluster: 'x', a: true, b: true }, { cluster: 'x', a: false, b: false }, { cluster: 'y', a: true, b: true }, { cluster: 'y', a: false, b: false },
    ]);
    expect(same.difference).toBe(0);
    expect(same.low!).toBeLessThan(-0.3);
    expect(same.high!).toBeGreaterThan(0.3);
    expect(same.mcNemar.pValue).toBe(1);
    const outcomes: PairedOutcome[] = [
      ...Array.from({ length: 30 }, (_, i) => ({ cluster: `g${i % 10}`, a: true, b: i % 3 !== 0 })),
      ...Array.from({ length: 30 }, (_, i) => ({ cluster: `g${i % 10}`, a: false, b: false })),
    ];
    const r = pairedDifference(outcomes);
    expect(r.pairs).toBe(60);
    expect(r.difference).toBeCloseTo(10 / 60, 12);
    expect(r.mcNemar).toMatchObject({ successToFailure: 10, failureToSuccess: 0 });
    expect(r.low!).toBeGreaterThan(0);
    expect(r.high!).toBeLessThan(0.35);
    expect(pairedDifference([])).toMatchObject({ pairs: 0, difference: null, low: null, high: null });
  });

  it('widens for goals whose attempts move together, and not for goals that do not', () => {
    // Every discordant pair in two goals: the evidence is two goals, not twenty attempts.
    // 100 positions, 10 goals of 10, 10 discordant pairs: all in goal 0, or one in each goal.
    const clustered: PairedOutcome[] = Array.from({ length: 100 }, (_, i) => ({ cluster: `g${Math.floor(i / 10)}`, a: i < 10 || i % 2 === 1, b: i >= 10 && i % 2 === 1 }));
    const spread: PairedOutcome[] = Array.from({ length: 100 }, (_, i) => ({ cluster: `g${Math.floor(i / 10)}`, a: i % 10 === 0 || i % 2 === 1, b: i % 10 !== 0 && i % 2 === 1 }));
    const c = pairedDifference(clustered);
    const s = pairedDifference(spread);
    expect(c.difference).toBeCloseTo(s.difference!, 12);
    expect(c.designEffect).toBeGreaterThan(2);
    expect(s.designEffect).toBeLessThan(1.5);
    expect(c.high! - c.low!).toBeGreaterThan(1.3 * (s.high! - s.low!));
  });

  it('covers the true difference at least 93% of the time, over the plan’s draws and over new goals', () => {
    const random = seededRandom(7);
    let coveredConditional = 0;
    let coveredPopulation = 0;
    const fixed = plan(random, { goals: 15, perGoal: 8 });
    const fixedTruth = fixed.reduce((s, p) => s + p.pa - p.pb, 0) / fixed.length;
    // The population truth: the mean over very many goals drawn the same way.
    const big = plan(seededRandom(99), { goals: 20_000, perGoal: 8 });
    const populationTruth = big.reduce((s, p) => s + p.pa - p.pb, 0) / big.length;
    const runs = 1000;
    for (let k = 0; k < runs; k += 1) {
      const r = pairedDifference(draw(fixed, random));
      if (r.low! <= fixedTruth && fixedTruth <= r.high!) coveredConditional += 1;
      const fresh = plan(random, { goals: 15, perGoal: 8 });
      const q = pairedDifference(draw(fresh, random));
      if (q.low! <= populationTruth && populationTruth <= q.high!) coveredPopulation += 1;
    }
    expect(coveredConditional / runs).toBeGreaterThanOrEqual(0.93);
    expect(coveredPopulation / runs).toBeGreaterThanOrEqual(0.93);
  });
});
