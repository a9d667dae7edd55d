/** A proportion as a percentage with one decimal, e.g. '33.3%'; '—' when there is none. */
export function formatPercent(value: number | null): string {
  return value === null ? '—' : `${(value * 100).toFixed(1)}%`;
}

/** A 95% interval in percent with one decimal, e.g. '[12.1–64.6]'; '—' when there is none. */
export function formatInterval(low: number | null, high: number | null): string {
  if (low === null || high === null) return '—';
  return `[${(low * 100).toFixed(1)}–${(high * 100).toFixed(1)}]`;
}

/** A signed difference in percentage points, e.g. '+12.5 pp'; '—' when there is none. */
export function formatPoints(value: number | null): string {
  return value === null ? '—' : `${value >= 0 ? '+' : '−'}${Math.abs(value * 100).toFixed(1)} pp`;
}
