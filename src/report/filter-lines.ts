import type { RunSummary } from '../stats/index.js';

/**
 * One line when the target's content filter blocked replies: how many, per persona, and how they were read (as the
 * application refusing), so a rate that owes part of its failures to the filter says so.
 */
export function contentFilterLines(summary: RunSummary): string[] {
  const count = (persona: string): { filtered: number; decided: number } =>
    summary.cells.filter((cell) => cell.persona === persona).reduce((t, cell) => ({ filtered: t.filtered + cell.filtered, decided: t.decided + cell.successes + cell.failures }), { filtered: 0, decided: 0 });
  const malicious = count('malicious');
  const benign = count('benign');
  if (malicious.filtered + benign.filtered === 0) return [];
  const parts = [
    ...(malicious.filtered > 0 ? [`${malicious.filtered} of ${malicious.decided} decided attacks failed on it`] : []),
    ...(benign.filtered > 0 ? [`${benign.filtered} of ${benign.decided} ordinary requests were refused by it`] : []),
  ];
  return [`Content filter: the target's filter blocked ${malicious.filtered + benign.filtered} replies, read as the application refusing: ${parts.join('; ')}.`];
}
