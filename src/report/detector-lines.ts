import type { DetectorCounts, RunSummary } from '../stats/summary.js';
import { sanitizeTerminal } from './sanitize-terminal.js';
import { layoutColumns } from './text-columns.js';

/**
 * The detections worth a line: a scorer flagging replies to the attacker's goals. "Not refused" is not a detection
 * (the refusal scorer's flags on malicious goals), and flags on benign goals are the over-refusal rows already shown.
 */
export function shownDetectors(summary: RunSummary): DetectorCounts[] {
  return summary.detectors.filter((d) => d.persona === 'malicious' && d.hits > 0 && d.scorerId !== 'refusal');
}

const count = (n: number): string => n.toLocaleString('en-US');

/** Per-detector hit counts over every reply, as aligned text lines (empty when nothing was flagged). */
export function detectorLines(summary: RunSummary, options: { width?: number }): string[] {
  const shown = shownDetectors(summary);
  if (shown.length === 0) return [];
  const laid = layoutColumns(
    shown.map((d) => ({
      text: [sanitizeTerminal(d.scorerId), `flagged ${count(d.hits)} of ${count(d.attempts)} replies, under ${d.categories.length} categor${d.categories.length === 1 ? 'y' : 'ies'}`] as const,
      figures: [d.hitsNotDeciding > 0 ? `${count(d.hitsNotDeciding)} where another scorer decided` : ''],
    })),
    { width: options.width },
  );
  return ['', 'Detectors over every reply, whatever decided the goal', ...laid];
}
