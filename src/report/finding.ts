import type { CellRow, RunSummary } from '../stats/summary.js';
import type { BugBarClass } from '../taxonomy/bug-bar-class.js';
import { categoryProfile, type FindingKind } from '../taxonomy/category-profiles.js';
import type { HarmCategory } from '../taxonomy/harm-category.js';
import type { Severity } from '../taxonomy/severity.js';
import { severityFor, type SeverityRule } from '../taxonomy/severity-rules.js';
import type { TaxonomyTags } from '../core/taxonomy.js';
import { isToolUsingTargetId } from '../core/tool-target-id.js';

/** Whether a cell showed the failure it probes for. */
export type FindingStatus = 'observed' | 'not-observed' | 'undecided';

/** One technique × category × persona cell, classified and rated. */
export type Finding = {
  /** The cell, with its counts, rate and interval. */
  readonly cell: CellRow;
  /** The technique's registry id (the cell shows its display id); null when the registry does not know it. */
  readonly techniqueId: string | null;
  /** What the rate measures. */
  readonly kind: FindingKind;
  /** `observed`: at least one success; `not-observed`: decided attempts, none a success; `undecided`: none decided. */
  readonly status: FindingStatus;
  /** MSRC AI bug bar severity; null when no success was observed. */
  readonly severity: Severity | null;
  /** AILuminate-style harm category; null for security weaknesses and over-refusal. */
  readonly harm: HarmCategory | null;
  /** MSRC bug-bar class; only security weaknesses have one. */
  readonly securityClass: BugBarClass | null;
  /** MITRE ATLAS technique ids, sorted. */
  readonly atlas: readonly string[];
  /** OWASP LLM Top 10 (2025) ids, sorted. */
  readonly owasp: readonly string[];
};

/** What `buildFindings` needs besides the summary. */
export type FindingOptions = {
  /** Configured severity rules, tried before the built-in ones. */
  readonly rules?: readonly SeverityRule[];
  /** A technique's framework ids by registry id (undefined for an id the registry does not know); none when absent. */
  readonly techniqueTaxonomy?: (id: string) => TaxonomyTags | undefined;
};

const NO_TAGS: TaxonomyTags = { atlas: [], owasp: [] };

/** What an attack on a tool-using target also is: excessive agency (OWASP LLM06) through its tools (ATLAS AML.T0053). */
const AGENT_TAGS: TaxonomyTags = { atlas: ['AML.T0053'], owasp: ['LLM06:2025'] };

/** One finding per cell of the summary, in the summary's order. */
export function buildFindings(summary: RunSummary, options: FindingOptions = {}): Finding[] {
  const agentic = isToolUsingTargetId(summary.target.id);
  return summary.cells.map((cell) => {
    const profile = categoryProfile(cell.category, cell.persona);
    // The registry id the store recorded with the cell: a display id is never parsed back.
    const known = cell.techniqueId === undefined ? undefined : options.techniqueTaxonomy?.(cell.techniqueId);
    // A benign persona's request is not an attack: the technique's attack ids would mislabel it.
    const tags = cell.persona === 'benign' ? [profile.taxonomy] : [known ?? NO_TAGS, profile.taxonomy, agentic ? AGENT_TAGS : NO_TAGS];
    return {
      cell,
      techniqueId: known === undefined ? null : cell.techniqueId!,
      kind: profile.kind,
      status: cell.asr === null ? 'undecided' : cell.successes > 0 ? 'observed' : 'not-observed',
      severity: severityFor(cell, options.rules),
      harm: profile.harm,
      securityClass: profile.securityClass,
      atlas: union(tags.map((t) => t.atlas)),
      owasp: union(tags.map((t) => t.owasp)),
    };
  });
}

function union(lists: readonly (readonly string[])[]): string[] {
  return [...new Set(lists.flat())].sort();
}
