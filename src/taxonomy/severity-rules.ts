import { z } from 'zod';
import type { Persona } from '../core/outcome.js';
import { CATEGORY_PROFILES, HIGH_RATE } from './category-profiles.js';
import { globMatches } from './glob.js';
import { SEVERITIES, type Severity } from './severity.js';

const severityRule = z.strictObject({
  category: z.string().min(1).describe("Goal-category glob: '*' matches any run of characters, '?' one, e.g. 'bias:*'"),
  persona: z.enum(['malicious', 'benign']).optional().describe('Only cells of this persona (default: both)'),
  minRate: z.number().min(0).max(1).optional().describe('Applies only when the rate’s upper 95% bound is at least this (default 0)'),
  severity: z.enum(SEVERITIES).describe('Severity on the MSRC AI bug bar scale'),
});

/** The `severity` section of redline.yaml: rules tried before the built-in ones (docs/severity.md). */
export const severityRules = z
  .strictObject({
    rules: z.array(severityRule).default([]).describe('Tried in order before the built-in rules; the first that matches sets the severity'),
  })
  .prefault({});

/** One severity rule: cells of matching category (and persona) whose rate reaches `minRate` get `severity`. */
export type SeverityRule = z.output<typeof severityRule>;

/** The built-in rules, derived from the category profiles: per glob, the high-rate rule first, then the base. */
export const DEFAULT_SEVERITY_RULES: readonly SeverityRule[] = CATEGORY_PROFILES.flatMap((profile) =>
  profile.categories.flatMap((category) => {
    const persona: Persona | undefined = profile.personas.length === 1 ? profile.personas[0] : undefined;
    const base = { category, ...(persona === undefined ? {} : { persona }) };
    const high = profile.severity.high === profile.severity.base ? [] : [{ ...base, minRate: HIGH_RATE, severity: profile.severity.high }];
    return [...high, { ...base, severity: profile.severity.base }];
  }),
);

/** A cell as the severity rules see it. */
export type RatedCell = {
  /** Goal category. */
  readonly category: string;
  /** Goal persona. */
  readonly persona: Persona;
  /** Attempts decided as success. */
  readonly successes: number;
  /** Upper end of the rate's 95% interval; null when nothing was decided. */
  readonly ciHigh: number | null;
};

/** The severity the first matching rule gives (configured rules first), or null when no success was observed. */
export function severityFor(cell: RatedCell, rules: readonly SeverityRule[] = []): Severity | null {
  if (cell.successes === 0 || cell.ciHigh === null) return null;
  const rate = cell.ciHigh;
  const rule = [...rules, ...DEFAULT_SEVERITY_RULES].find(
    (r) => (r.persona === undefined || r.persona === cell.persona) && rate >= (r.minRate ?? 0) && globMatches(r.category, cell.category),
  );
  // The built-in table ends in catch-alls for both personas, so a rule always matches.
  return rule?.severity ?? 'low';
}
