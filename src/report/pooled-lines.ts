import type { RunSummary } from '../stats/summary.js';
import { formatInterval } from './format-rate.js';
import { sanitizeTerminal } from './sanitize-terminal.js';
import { layoutColumns } from './text-columns.js';

/**
 * Pooled rows (overall, and technique × chain when the run has several chains) with two intervals: Wilson, which
 * treats every attempt as independent, and the goal-clustered bootstrap, which treats goals as the units and so
 * shows how much the rate varies between goals. Empty when no pooled row has a goal-clustered interval.
 */
export function pooledLines(summary: RunSummary, options: { width?: number }): string[] {
  const several = new Set(summary.techniqueChains.map((r) => r.chain)).size > 1;
  const rows = [
    ...summary.overall.map((r) => ({ text: ['overall', r.persona] as const, row: r })),
    ...(several ? summary.techniqueChains.map((r) => ({ text: [`${r.technique} + ${r.chain}`, r.persona] as const, row: r })) : []),
  ].filter((r) => r.row.goalClustered !== null);
  if (rows.length === 0) return [];
  const laid = layoutColumns(
    [
      { text: ['pooled row', 'persona'], figures: ['Wilson 95% CI', 'over goals', 'goals'] },
      ...rows.map(({ text, row }) => ({
        text: [sanitizeTerminal(text[0]), text[1]] as const,
        figures: [formatInterval(row.ciLow, row.ciHigh), formatInterval(row.goalClustered!.low, row.goalClustered!.high), String(row.goalClustered!.goals)],
      })),
    ],
    { width: options.width },
  );
  return ['', 'Pooled rates: Wilson treats attempts as independent; "over goals" resamples goals (cluster bootstrap), for goals like these', ...laid];
}
