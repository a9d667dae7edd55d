import { z } from 'zod';
import { defineScorer } from '../core/score.js';
import type { Verdict } from '../core/outcome.js';

/** Options of the regex scorer as config validates them. */
export const regexScorerOptions = z.strictObject({
  id: z.literal('regex'),
  name: z.string().regex(/^[a-z0-9-]+$/).optional().describe('Distinguishes several regex scorers: id becomes regex:NAME'),
  pattern: z.string().min(1).refine(compiles, 'not a valid regular expression'),
  flags: z.string().regex(/^[imsu]*$/).optional(),
  onMatch: z.enum(['success', 'failure']).optional(),
});

function compiles(pattern: string): boolean {
  try {
    new RegExp(pattern);
    return true;
  } catch {
    return false;
  }
}

/** Options of the regex scorer. */
export type RegexScorerOptions = {
  /** Distinguishes several regex scorers: the scorer's id becomes `regex:NAME`. */
  readonly name?: string;
  /** Regular expression (JavaScript syntax) searched in the reply. */
  readonly pattern: string;
  /** Regex flags, e.g. 'i'. */
  readonly flags?: string;
  /** Verdict when the pattern matches; the other one when it does not. Default 'success'. */
  readonly onMatch?: Exclude<Verdict, 'unscored'>;
};

/** Searches the reply for a pattern or substring (e.g. an exfiltration URL, a script tag, a canary). */
export const regexScorer = defineScorer<RegexScorerOptions, typeof regexScorerOptions>({
  id: 'regex',
  summary: 'Flags replies matching a regular expression (substrings, URLs, payload echoes).',
  version: 1,
  options: regexScorerOptions,
  create: ({ name, pattern, flags, onMatch = 'success' }) => {
    const scorerId = name === undefined ? 'regex' : `regex:${name}`;
    const re = new RegExp(pattern, flags?.replace(/g|y/g, ''));
    const onMiss = onMatch === 'success' ? 'failure' : 'success';
    return {
      id: scorerId,
      score: ({ response }) => {
        const m = re.exec(response);
        return m
          ? { scorerId, verdict: onMatch, label: 'match', value: 1, reason: `The reply matches /${pattern}/ at offset ${m.index}.` }
          : { scorerId, verdict: onMiss, label: 'no-match', value: 0, reason: `The reply does not match /${pattern}/.` };
      },
    };
  },
});
