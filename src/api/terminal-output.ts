// What the command line prints with: terminal-safe text, the summary table, columns, rates, gate lines, attempts.
export { attemptText } from '../report/attempt-text.js';
export { formatUsd } from '../report/cost-lines.js';
export { formatInterval, formatPercent, formatPoints } from '../report/format-rate.js';
export { gateLines } from '../report/gates/gate-lines.js';
export { sanitizeTerminal } from '../report/sanitize-terminal.js';
export { renderTable } from '../report/terminal-table.js';
export { layoutColumns, type TextRow } from '../report/text-columns.js';
export { sampleLines } from '../report/sample-lines.js';
