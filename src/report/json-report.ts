import type { RunSummary } from '../stats/index.js';

/** Renders the run summary as pretty JSON (keys in the order of the `RunSummary` type), ending in a newline. */
export function renderJson(summary: RunSummary): string {
  return `${JSON.stringify(summary, null, 2)}\n`;
}
