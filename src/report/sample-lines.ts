import type { RunSummary } from '../stats/summary.js';
import type { SampleCorrectedRate } from '../stats/sample-corrected.js';
import { formatInterval, formatPercent } from './format-rate.js';
import { sanitizeTerminal } from './sanitize-terminal.js';
import { layoutColumns } from './text-columns.js';

/** One row of the sample-corrected table: what it covers, the raw rate and the corrected one. */
export type SampleRow = { readonly label: readonly [string, string]; readonly asr: number | null; readonly ciLow: number | null; readonly ciHigh: number | null; readonly corrected: SampleCorrectedRate };

/** The rows with a sample-corrected rate: each persona overall, then each technique × chain that has labels. */
export function sampleRows(summary: RunSummary): SampleRow[] {
  const overall = summary.overall.flatMap((o) => (o.sampleCorrected ? [{ label: [o.persona, o.rateName] as const, asr: o.asr, ciLow: o.ciLow, ciHigh: o.ciHigh, corrected: o.sampleCorrected }] : []));
  const pooled = summary.techniqueChains.flatMap((r) => (r.sampleCorrected ? [{ label: [r.technique, `${r.chain} · ${r.persona}`] as const, asr: r.asr, ciLow: r.ciLow, ciHigh: r.ciHigh, corrected: r.sampleCorrected }] : []));
  return [...overall, ...pooled];
}

/** The heading of the sample-corrected table: how much of the sample a person labeled, and what the figures are. */
export function sampleHeading(summary: RunSummary): string {
  const sample = summary.reviewSample!;
  return `Human-sample-corrected rates (${sample.labeled} of ${sample.drawn} sampled attempts labeled; judge-stratified estimate, its 95% interval valid whatever the judge's errors)`;
}

/** The sample-corrected rates as aligned text lines (empty when the run has no review sample). */
export function sampleLines(summary: RunSummary, options: { width?: number }): string[] {
  if (summary.reviewSample === undefined) return [];
  const rows = sampleRows(summary);
  if (rows.length === 0) return ['', `${sampleHeading(summary)}: none yet — label some with \`redline review ${sanitizeTerminal(summary.runId)} --sample ${summary.reviewSample.drawn}\``];
  const laid = layoutColumns(
    [
      { text: ['rows', ''], figures: ['raw', '95% CI', 'corrected', '95% CI', 'labeled'] },
      ...rows.map((r) => ({
        text: [sanitizeTerminal(r.label[0]), sanitizeTerminal(r.label[1])] as const,
        figures: [formatPercent(r.asr), formatInterval(r.ciLow, r.ciHigh), formatPercent(r.corrected.asr), formatInterval(r.corrected.ciLow, r.corrected.ciHigh), String(r.corrected.labeled)],
      })),
    ],
    { width: options.width },
  );
  return ['', sampleHeading(summary), ...laid];
}
