import type { TurnCounts } from '../core/counts.js';
import type { Persona } from '../core/outcome.js';

export type { TurnCounts } from '../core/counts.js';

/** A success-by-turn curve: the share of decided attempts that had reached the goal by each turn. */
export type TurnCurve = {
  /** Technique id. */
  readonly technique: string;
  /** Persona of its goals. */
  readonly persona: Persona;
  /** Decided attempts. */
  readonly decided: number;
  /** `byTurn[k]` is the share that had reached the goal by target turn k + 1 (cumulative). */
  readonly byTurn: readonly number[];
};

/** Cumulative success-by-turn curves, up to the last turn any attempt reached the goal. */
export function turnCurves(rows: readonly TurnCounts[]): TurnCurve[] {
  return rows.map((row) => {
    const turns = Object.keys(row.reachedAt).map(Number);
    const last = turns.length === 0 ? 0 : Math.max(...turns);
    let reached = 0;
    const byTurn = Array.from({ length: last }, (_, k) => {
      reached += row.reachedAt[k + 1] ?? 0;
      return row.decided === 0 ? 0 : reached / row.decided;
    });
    return { technique: row.technique, persona: row.persona, decided: row.decided, byTurn };
  });
}
