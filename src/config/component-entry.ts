import { z } from 'zod';
import type { ComponentOptions } from '../core/options.js';
import { closest } from '../core/closest.js';

/** A registrable thing that may take options. */
type Registrable = { readonly id: string; readonly defaults?: ComponentOptions; readonly requires?: readonly string[] };

/** A configured technique or converter: its id, with options when it takes any. */
export type ComponentEntry = string | ({ id: string } & Record<string, string | number | boolean>);

/**
 * Schema of one technique or converter entry: `role-play`, or `{ id: caesar, shift: 5 }`. Option keys and
 * types are checked against the descriptor's defaults, so a typo names the valid keys.
 */
export function componentEntry(kind: string, registry: readonly Registrable[]) {
  const ids = registry.map((d) => d.id) as [string, ...string[]];
  const id = z.enum(ids);
  return z
    .union([id, z.object({ id }).catchall(z.union([z.string(), z.number(), z.boolean()]))])
    .superRefine((entry, ctx) => {
      const required = registry.find((d) => d.id === (typeof entry === 'string' ? entry : entry.id))?.requires ?? [];
      const missing = required.filter((key) => typeof entry === 'string' || !(key in entry));
      if (missing.length > 0) {
        ctx.addIssue({ code: 'custom', path: [], message: `${kind} '${typeof entry === 'string' ? entry : entry.id}' needs option ${missing.map((k) => `'${k}'`).join(', ')}: write it as { id: ${typeof entry === 'string' ? entry : entry.id}, ${missing[0]}: … }` });
      }
      if (typeof entry === 'string') return;
      const defaults = registry.find((d) => d.id === entry.id)?.defaults ?? {};
      const known = Object.keys(defaults);
      for (const [key, value] of Object.entries(entry)) {
        if (key === 'id') continue;
        if (!(key in defaults)) {
          const guess = closest(key, known);
          ctx.addIssue({
            code: 'custom',
            path: [key],
            message: `${kind} '${entry.id}' has no option '${key}'${known.length === 0 ? ' (it takes none)' : `; ${guess ? `did you mean '${guess}'? ` : ''}options: ${known.join(', ')}`}`,
          });
        } else if (typeof value !== typeof defaults[key]) {
          ctx.addIssue({ code: 'custom', path: [key], message: `option '${key}' of ${kind} '${entry.id}' must be a ${typeof defaults[key]}` });
        }
      }
    });
}

/** Splits an entry into its id and its options. */
export function splitEntry(entry: ComponentEntry): { id: string; options: ComponentOptions } {
  if (typeof entry === 'string') return { id: entry, options: {} };
  const { id, ...options } = entry;
  return { id, options };
}
