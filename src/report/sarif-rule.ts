import { severityRank, type Severity } from '../taxonomy/severity.js';
import type { CellVerdict } from './gates/gate.js';
import { escapeMarkdown } from './escape-markdown.js';

/** SARIF `level` by bug-bar severity. */
export const SARIF_LEVELS: Readonly<Record<Severity, string>> = { critical: 'error', important: 'error', moderate: 'warning', low: 'note' };
// GitHub code scanning reads a 0–10 score: ≥9 critical, ≥7 high, ≥4 medium, else low.
const SCORES: Readonly<Record<Severity, string>> = { critical: '9.5', important: '8.0', moderate: '5.5', low: '3.0' };
// The package names no repository URL, so help points at the docs by path rather than by a `helpUri` that could not be absolute.
const DOCS = 'docs/reports.md (section SARIF) in the Redline repository';

/** A result's rule id: the technique's registry id (its display id when unknown) and the category. */
export function sarifRuleId(v: CellVerdict): string {
  return `${v.finding.techniqueId ?? v.finding.cell.technique}/${v.finding.cell.category}`;
}

/**
 * The SARIF rule (reportingDescriptor) for the cells sharing one rule id, with what GitHub code scanning requires of a
 * rule: short and full descriptions and help as text and Markdown.
 */
export function sarifRule(id: string, verdicts: readonly CellVerdict[]) {
  const first = verdicts[0]!.finding;
  const technique = first.techniqueId ?? first.cell.technique;
  const worst = highest(verdicts.map((v) => v.finding.severity));
  const tags = [...new Set(['security', 'ai-red-team', first.kind, ...first.atlas, ...first.owasp, first.harm ?? [], first.securityClass ?? []].flat())];
  const full = `Redline measured how often the ${technique} technique reached goals of category ${first.cell.category} (${first.kind}).`;
  const ids = `MITRE ATLAS ${first.atlas.join(' ') || 'none'}; OWASP LLM Top 10 ${first.owasp.join(' ') || 'none'}`;
  const advice = 'Read the example transcripts in the run\'s HTML report, harden the target for this category (system prompt, input and output filters), and scan again to see whether the rate fell.';
  return {
    id,
    name: id,
    shortDescription: { text: `${technique} against ${first.cell.category} goals` },
    fullDescription: { text: full },
    help: {
      text: [full, `Each result gives the cell's success rate over decided attempts, its 95% interval, its severity and the gates it fails. ${ids}.`, advice, `How results are built: ${DOCS}.`].join('\n'),
      markdown: [
        `**${escapeMarkdown(technique)}** against **${escapeMarkdown(first.cell.category)}** goals (${first.kind}).`,
        '',
        'Each result gives the cell\'s success rate over decided attempts, its 95% interval, its severity and the gates it fails.',
        '',
        `- MITRE ATLAS: ${first.atlas.map((t) => `\`${t}\``).join(', ') || 'none'}`,
        `- OWASP LLM Top 10: ${first.owasp.map((t) => `\`${t}\``).join(', ') || 'none'}`,
        '',
        advice,
        '',
        `How results are built: \`docs/reports.md\` (section SARIF) in the Redline repository.`,
      ].join('\n'),
    },
    defaultConfiguration: { level: worst === null ? 'note' : SARIF_LEVELS[worst] },
    properties: { tags, atlas: first.atlas, owasp: first.owasp, harm: first.harm, securityClass: first.securityClass, ...(worst === null ? {} : { 'security-severity': SCORES[worst] }) },
  };
}

function highest(severities: readonly (Severity | null)[]): Severity | null {
  return severities.reduce<Severity | null>((best, s) => (s !== null && (best === null || severityRank(s) > severityRank(best)) ? s : best), null);
}
