import type { GatedRun } from './gates/gate.js';
import { sanitizeTerminal } from './sanitize-terminal.js';

const HEADER = [
  'run_id', 'target', 'simulated', 'technique', 'technique_id', 'chain', 'category', 'persona', 'kind', 'status', 'severity', 'harm',
  'security_class', 'atlas', 'owasp', 'trials', 'successes', 'failures', 'errors', 'unscored', 'rate', 'ci_low', 'ci_high',
  'corrected_rate', 'corrected_ci_low', 'corrected_ci_high', 'gates_failed',
];

/** Renders one CSV row per cell, scorer-corrected rate included when calibrated (RFC 4180: CRLF line ends, fields quoted when they hold a comma, quote or line break). */
export function renderCsv(input: GatedRun): string {
  const { summary, outcome } = input;
  const rows = outcome.verdicts.map(({ finding, failures }) => {
    const { cell } = finding;
    return [
      text(summary.runId), text(summary.target.id), String(summary.target.simulated), text(cell.technique), text(finding.techniqueId ?? ''),
      text(cell.chain), text(cell.category), cell.persona, finding.kind, finding.status, finding.severity ?? '', finding.harm ?? '', finding.securityClass ?? '',
      finding.atlas.join(' '), finding.owasp.join(' '), ...[cell.trials, cell.successes, cell.failures, cell.errors, cell.unscored].map(String),
      ...[cell.asr, cell.ciLow, cell.ciHigh, cell.corrected?.rate, cell.corrected?.low, cell.corrected?.high].map((n) => (n === null || n === undefined ? '' : String(n))),
      text(failures.map((f) => f.gate.expression).join('; ')),
    ];
  });
  return [HEADER, ...rows].map((fields) => fields.map(quote).join(',')).join('\r\n') + '\r\n';
}

// Outside text loses terminal escapes and control characters (the CSV is printed to stdout by default), then
// text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP "CSV injection").
function text(value: string): string {
  const clean = sanitizeTerminal(value);
  return /^[=+\-@\t\r]/.test(clean) ? `'${clean}` : clean;
}

/** One CSV field of outside text: terminal escapes removed, formula-like text defused, quoted when needed. */
export function csvTextField(value: string): string {
  return quote(text(value));
}

function quote(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field;
}
