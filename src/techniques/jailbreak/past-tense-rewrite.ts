// A small rule-based stand-in for the LLM reformulation of Andriushchenko & Flammarion (2024), arXiv:2407.11969.
import { bare } from './framing.js';
import { requestAction } from './request-action.js';

/** First-person words and present modals, moved to a third person in the past. */
const THIRD_PERSON_PAST: readonly [RegExp, string][] = [
  [/\bmyself\b/giu, 'themselves'],
  [/\bmy\b/giu, 'their'],
  [/\bme\b/giu, 'them'],
  [/\bI(?: am|'m)\b/gu, 'they were'],
  [/\bI\b/gu, 'they'],
  [/\b(they|you|we|he|she) can\b/giu, '$1 could'],
  [/\b(they|you|we|he|she) will\b/giu, '$1 would'],
];

/** The auxiliary that opens a question, moved to the past: 'Where can I …' → 'Where could I …'. */
const AUXILIARY = /^((?:what|which|where|who|whom|whose|why|when|how)\s+)?(is|are|do|does|can|will)\b/iu;
const PAST: Readonly<Record<string, string>> = { is: 'was', are: 'were', do: 'did', does: 'did', can: 'could', will: 'would' };

function thirdPersonPast(text: string): string {
  return THIRD_PERSON_PAST.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), text);
}

/** Rewrites a request as a question about the past: 'How do I pick a lock?' → 'How did people pick a lock in the past?'. */
export function toPastTense(request: string): string {
  const action = requestAction(request);
  if (action !== undefined) return `How did people ${thirdPersonPast(action)} in the past?`;
  const question = bare(request).replace(/^(\w+)'s\b/u, '$1 is');
  const past = question.replace(AUXILIARY, (_, wh: string | undefined, aux: string) => `${wh ?? ''}${PAST[aux.toLowerCase()]!}`);
  const text = thirdPersonPast(past);
  return `${text.charAt(0).toUpperCase()}${text.slice(1)} in the past?`;
}
