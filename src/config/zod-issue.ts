import type { z } from 'zod';
import { closest } from './closest.js';

/** One validation problem, ready for a ConfigError. */
export type ConfigProblem = { path: string; message: string; hint?: string };

/** Formats a zod path as 'target.headers.Authorization' or 'techniques[2]'. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(top level)' : out;
}

/** How likely a union branch's first issue is the one the user meant to fix (higher is likelier). */
function rank(issue: z.core.$ZodIssue): number {
  // The input is not even of this branch's type: the user meant another branch.
  if (issue.code === 'invalid_type' && issue.path.length === 0) return 0;
  // A literal mismatch (an `id` or `type` discriminator): another branch's.
  if (issue.code === 'invalid_value' && issue.values.length === 1) return 1;
  // Otherwise the deeper the problem, the more of this branch matched; an enum miss beats a missing field.
  return 2 + issue.path.length + (issue.code === 'invalid_value' ? 0.5 : 0);
}

/** Among a union's failed branches, the one that got furthest: its issue is the likely intended fix. */
function bestBranch(branches: readonly (readonly z.core.$ZodIssue[])[]): z.core.$ZodIssue | undefined {
  let best: z.core.$ZodIssue | undefined;
  for (const issues of branches) {
    const first = issues[0];
    if (first !== undefined && (best === undefined || rank(first) > rank(best))) best = first;
  }
  return best;
}

/** Turns the first zod issue into a problem with a path and, where it can, a suggestion. */
export function describeIssue(issue: z.core.$ZodIssue, base: readonly PropertyKey[] = []): ConfigProblem {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union') {
    const known = (issue as { options?: unknown[] }).options;
    const discriminator = (issue as { discriminator?: string }).discriminator;
    if (issue.errors.length === 0 && discriminator !== undefined && Array.isArray(known)) {
      // A discriminated union (the target `type`) whose discriminator matched no option.
      const input = (issue as { input?: Record<string, unknown> }).input?.[discriminator];
      return unknownValue({ path, input, known: known.map(String) });
    }
    const inner = bestBranch(issue.errors);
    if (inner) return describeIssue(inner, path);
  }
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    return { path: formatPath([...path, key]), message: `unknown key '${key}'`, hint: 'remove it, or check its spelling against `redline schema`' };
  }
  if (issue.code === 'invalid_value' && issue.values.every((v) => typeof v === 'string')) {
    return unknownValue({ path, input: (issue as { input?: unknown }).input, known: issue.values as string[] });
  }
  return { path: formatPath(path), message: issue.message, hint: 'see `redline schema` for the expected shape' };
}

/** An unknown id or enum value, with the closest known one suggested. */
function unknownValue(input: { path: readonly PropertyKey[]; input: unknown; known: readonly string[] }): ConfigProblem {
  const { known } = input;
  const suggestion = typeof input.input === 'string' ? closest(input.input, known) : undefined;
  const shown = typeof input.input === 'string' ? `'${input.input}'` : 'value';
  return {
    path: formatPath(input.path),
    message: `unknown ${shown}`,
    hint: suggestion ? `did you mean '${suggestion}'? (known: ${known.join(', ')})` : `use one of: ${known.join(', ')}`,
  };
}
