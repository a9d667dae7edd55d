import type { RunSummary } from '../stats/index.js';

// JSON.stringify leaves DEL, the C1 controls (0x9b starts a terminal escape) and bidi overrides raw.
const RAW_CONTROLS = /[\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Pretty JSON ending in a newline, with every control character \u-escaped: the same data, safe to print. */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(RAW_CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `${text}\n`;
}

/** One line of JSON (for JSONL), control characters \u-escaped like jsonText, ending in a newline. */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value).replace(RAW_CONTROLS, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)}\n`;
}

/** Renders the run summary as pretty JSON (keys in the order of the `RunSummary` type), ending in a newline. */
export function renderJson(summary: RunSummary): string {
  return jsonText(summary);
}
