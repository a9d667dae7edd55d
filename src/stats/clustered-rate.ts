import { studentT975 } from './paired-difference.js';
import { wilsonInterval, Z_95 } from './wilson.js';

/** One decided case and the clusters it belongs to, one per clustering dimension (e.g. its user task, its injection task). */
export type ClusteredCase = { readonly success: boolean; readonly clusters: readonly string[] };

/** A rate over cases built as a grid, with an interval that does not treat them as independent. */
export type ClusteredRate = {
  readonly count: number;
  readonly of: number;
  readonly rate: number | null;
  /** Wilson 95% interval, each side widened by √(design effect) and t over z for the dimension that varies most. */
  readonly low: number | null;
  readonly high: number | null;
  /** The largest design effect over the clustering dimensions (≥ 1). */
  readonly designEffect: number;
};

/**
 * A proportion over cases that share clusters along several dimensions — a grid of user tasks × injection tasks — with
 * its Wilson interval widened for the dimension whose clusters vary most: the design effect (cluster-robust over
 * binomial variance) and Student's t with clusters − 1 degrees of freedom. The cases are a grid, not iid.
 */
export function clusteredRate(cases: readonly ClusteredCase[]): ClusteredRate {
  const n = cases.length;
  const count = cases.filter((c) => c.success).length;
  if (n === 0) return { count, of: 0, rate: null, low: null, high: null, designEffect: 1 };
  const p = count / n;
  const wilson = wilsonInterval(count, n, Z_95);
  let designEffect = 1;
  let widen = 1;
  const dimensions = Math.max(0, ...cases.map((c) => c.clusters.length));
  for (let d = 0; d < dimensions; d += 1) {
    const groups = new Map<string, { y: number; n: number }>();
    for (const c of cases) {
      const key = c.clusters[d] ?? '';
      const g = groups.get(key) ?? { y: 0, n: 0 };
      g.y += Number(c.success);
      g.n += 1;
      groups.set(key, g);
    }
    const g = groups.size;
    if (g < 2 || p === 0 || p === 1) continue;
    let sum = 0;
    for (const group of groups.values()) sum += (group.y - p * group.n) ** 2;
    const deff = Math.max(1, ((g / (g - 1)) * sum) / (n * p * (1 - p)));
    const factor = Math.sqrt(deff) * (studentT975(g - 1) / Z_95);
    if (factor > widen) {
      widen = factor;
      designEffect = deff;
    }
  }
  return {
    count, of: n, rate: p, designEffect,
    low: Math.max(0, p - (p - wilson.low) * widen),
    high: Math.min(1, p + (wilson.high - p) * widen),
  };
}
