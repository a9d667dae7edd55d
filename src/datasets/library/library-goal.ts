// The shape every goal of the built-in library shares: 'library/…' ids, source 'library', and no scorer of its own:
// the run decides each by what it is (harmful content by the objective judge, a benign request by refusal).
import type { Goal } from '../../core/goal.js';
import type { Persona } from '../../core/outcome.js';

/** Where library goals say they come from. */
export const LIBRARY_SOURCE = 'library';

/** Builds a library goal from its slug, category, persona and wording (and XSTest-style metadata, if any). */
export function libraryGoal(fields: {
  readonly slug: string;
  readonly category: string;
  readonly persona: Persona;
  readonly text: string;
  readonly metadata?: Readonly<Record<string, string>>;
}): Goal {
  const { slug, metadata, ...rest } = fields;
  return { id: `${LIBRARY_SOURCE}/${slug}`, source: LIBRARY_SOURCE, ...rest, ...(metadata === undefined ? {} : { metadata }) };
}
