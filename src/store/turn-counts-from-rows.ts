import type { TurnCounts } from '../core/counts.js';
import type { Persona } from '../core/outcome.js';

/** Decided attempts of a technique and persona that reached the goal at one turn (`reached` -1: never reached). */
export type ReachedRow = { technique: string; persona: Persona; reached: number; n: number };

/** Turn counts per technique and persona, from rows grouped by the turn the goal was reached at, in their order. */
export function turnCountsFromRows(rows: readonly ReachedRow[]): TurnCounts[] {
  const byKey = new Map<string, { technique: string; persona: Persona; decided: number; reachedAt: Record<number, number> }>();
  for (const r of rows) {
    const key = `${r.technique}\u0000${r.persona}`;
    const entry = byKey.get(key) ?? { technique: r.technique, persona: r.persona, decided: 0, reachedAt: {} };
    entry.decided += r.n;
    if (r.reached !== -1) entry.reachedAt[r.reached] = (entry.reachedAt[r.reached] ?? 0) + r.n;
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}
