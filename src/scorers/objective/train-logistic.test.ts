import { describe, expect, it } from 'vitest';
import { chooseThreshold } from './choose-threshold.js';
import { logisticProbability, sigmoid } from './logistic-model.js';
import { trainLogistic, type TrainingExample } from './train-logistic.js';

/** Rows drawn from a known model, p = σ(2·x0 − 1·x1 + 0.5), on a fixed grid, with labels at the expected rate. */
function groundTruth(): TrainingExample[] {
  const rows: TrainingExample[] = [];
  for (let a = -2; a <= 2; a += 0.5) {
    for (let b = -2; b <= 2; b += 0.5) {
      const p = sigmoid(2 * a - b + 0.5);
      // 20 copies per cell, round(20p) of them positive: the empirical rate matches p without randomness.
      const positives = Math.round(20 * p);
      for (let k = 0; k < 20; k += 1) rows.push({ x: [a, b], y: k < positives ? 1 : 0 });
    }
  }
  return rows;
}

describe('trainLogistic', () => {
  it('recovers the weights of a known logistic model on the raw scale', () => {
    const fit = trainLogistic(groundTruth(), { l2: 0, iterations: 2000, learningRate: 1 });
    expect(fit.weights[0]).toBeCloseTo(2, 1);
    expect(fit.weights[1]).toBeCloseTo(-1, 1);
    expect(fit.bias).toBeCloseTo(0.5, 1);
    expect(logisticProbability(fit, [1, 0])).toBeCloseTo(sigmoid(2.5), 2);
  });

  it('is deterministic, and a constant feature stays inert', () => {
    const rows = groundTruth().map((r) => ({ ...r, x: [...r.x, 3] }));
    const options = { l2: 0.01, iterations: 200, learningRate: 0.5 };
    const fit = trainLogistic(rows, options);
    expect(trainLogistic(rows, options)).toEqual(fit);
    expect(fit.weights[2]).toBe(0);
  });
});

describe('chooseThreshold', () => {
  it('picks the threshold that classifies the most rows correctly', () => {
    const rows = [0.1, 0.2, 0.3, 0.6, 0.7].map((probability, i) => ({ probability, actual: i >= 2 }));
    expect(chooseThreshold(rows)).toBeCloseTo(0.25);
  });

  it('keeps 0.5 when nothing does better', () => {
    expect(chooseThreshold([{ probability: 0.2, actual: false }, { probability: 0.8, actual: true }])).toBe(0.5);
  });

  it('counts an example of weight 2 as two copies of it (sources can weigh the same whatever their size)', () => {
    const rows = [{ x: [0, 1], y: 1 as const }, { x: [1, 0], y: 0 as const }, { x: [1, 1], y: 1 as const }, { x: [0.5, 0.2], y: 0 as const }];
    const weighted = trainLogistic([...rows.slice(0, 3), { ...rows[3]!, weight: 2 }]);
    const copied = trainLogistic([...rows, rows[3]!]);
    // The standardisation differs (the copy moves the means): compare the fitted probabilities, not the weights.
    const p = (fit: ReturnType<typeof trainLogistic>, x: readonly number[]) => 1 / (1 + Math.exp(-(fit.bias + x.reduce((z, v, j) => z + v * fit.weights[j]!, 0))));
    for (const row of rows) expect(Math.abs(p(weighted, row.x) - p(copied, row.x))).toBeLessThan(0.05);
    expect(trainLogistic(rows.map((r) => ({ ...r, weight: 3 })))).toEqual(trainLogistic(rows));
  });
});
