import type { RunSummary } from '../stats/summary.js';
import { formatInterval, formatPercent } from './format-rate.js';
import { sanitizeTerminal } from './sanitize-terminal.js';
import { layoutColumns } from './text-columns.js';

/** The scorer-corrected rates as aligned text lines (empty when the run has no calibration). */
export function correctedLines(summary: RunSummary, options: { width?: number }): string[] {
  const cells = summary.cells.filter((c) => c.corrected !== null);
  if (cells.length === 0) return [];
  const laid = layoutColumns(
    [
      { text: ['technique', 'category'], figures: ['raw', '95% CI', 'corrected', '95% CI'] },
      ...cells.map((c) => ({
        text: [sanitizeTerminal(c.technique), sanitizeTerminal(c.category)] as const,
        figures: [formatPercent(c.asr), formatInterval(c.ciLow, c.ciHigh), formatPercent(c.corrected!.rate), formatInterval(c.corrected!.low, c.corrected!.high)],
      })),
    ],
    { width: options.width },
  );
  return ['', 'Scorer-corrected rates (Rogan–Gladen; bootstrap interval includes the calibration’s uncertainty)', ...laid];
}
