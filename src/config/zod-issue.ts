import type { z } from 'zod';
import { closest } from '../core/closest.js';

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
  // Otherwise the deeper the problem, the more of this branch matched; a wrong value given beats a missing field.
  const given = (issue as { input?: unknown }).input !== undefined;
  return 2 + issue.path.length + (issue.code === 'invalid_value' && given ? 0.5 : 0);
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
  const hint = path.length === 0 && issue.code === 'invalid_type'
    ? 'a configuration is a mapping such as `trials: 5`; run `redline init` for a commented example'
    : 'see `redline schema` for the expected shape';
  return { path: formatPath(path), message: plainMessage(issue), hint };
}

/** A value as the user wrote it, short: 'five', -1, a list, a mapping. */
function shown(value: unknown): string {
  if (typeof value === 'string') return `'${value.length > 40 ? `${value.slice(0, 40)}…` : value}'`;
  if (Array.isArray(value)) return 'a list';
  if (value === null || value === undefined) return 'nothing';
  return typeof value === 'object' ? 'a mapping' : String(value);
}

/** zod's wording for the common cases, said as a user would: 'expected a number, got 'five'', 'must be ≥ 1, got -1'. */
function plainMessage(issue: z.core.$ZodIssue): string {
  const input = (issue as { input?: unknown }).input;
  if (issue.code === 'invalid_type') {
    const words: Record<string, string> = { object: 'a mapping (key: value)', array: 'a list', int: 'a whole number' };
    const expected = words[issue.expected] ?? `a ${issue.expected}`;
    return input === undefined ? `missing (expected ${expected})` : `expected ${expected}, got ${shown(input)}`;
  }
  if ((issue.code === 'too_small' || issue.code === 'too_big') && issue.origin === 'number') {
    const strict = issue.inclusive === false;
    const bound = issue.code === 'too_small' ? `${strict ? '>' : '≥'} ${String(issue.minimum)}` : `${strict ? '<' : '≤'} ${String(issue.maximum)}`;
    return `must be ${bound}, got ${shown(input)}`;
  }
  if (issue.code === 'too_small' && issue.origin === 'array') return `needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`;
  return issue.message;
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
