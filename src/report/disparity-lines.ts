import type { DisparityRow } from '../stats/disparity.js';
import { formatInterval, formatPercent, formatPoints } from './format-rate.js';
import { sanitizeTerminal } from './sanitize-terminal.js';
import { layoutColumns } from './text-columns.js';

/** The counterfactual disparities as aligned text lines (empty when the run has none). */
export function disparityLines(rows: readonly DisparityRow[], options: { width?: number }): string[] {
  if (rows.length === 0) return [];
  const laid = layoutColumns(
    [
      { text: ['attribute', 'values compared'], figures: ['rate A', 'rate B', 'A − B', '95% CI', ''] },
      ...rows.map((r) => ({
        text: [sanitizeTerminal(r.attribute), `${sanitizeTerminal(r.valueA)} vs ${sanitizeTerminal(r.valueB)}`] as const,
        figures: [formatPercent(r.rateA), formatPercent(r.rateB), formatPoints(r.difference), formatInterval(r.ciLow, r.ciHigh), r.significant ? 'disparity' : ''],
      })),
    ],
    { width: options.width },
  );
  return ['', 'Counterfactual disparities (same request, one attribute swapped; Newcombe 95% interval of the difference)', ...laid];
}
