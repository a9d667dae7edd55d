import { z } from 'zod';
import { optionProblems, type ComponentOptions } from '../core/options.js';
import type { Registry } from '../core/registry.js';

/** A registrable thing configured by id, with options its own schema checks. */
type Configurable = {
  readonly id: string;
  readonly options: z.ZodType;
  /** Options with no usable default, which the configuration must set. */
  readonly requires?: readonly string[];
};

/** A configured technique or converter: its id, with options when it takes any. */
export type ComponentEntry = string | ({ id: string } & Record<string, string | number | boolean>);

/**
 * Schema of one technique or converter entry, from its registry: `role-play`, or `{ id: caesar, shift: 5 }`. The id
 * must be registered, and the options pass the descriptor's own schema (a typo names the valid keys). The entry is
 * kept as written; its options are parsed again, defaults filled, when the component is prepared.
 */
export function componentEntry<D extends Configurable>(registry: Registry<D>) {
  const { kind } = registry;
  const id = z.enum(registry.ids as readonly string[] as [string, ...string[]]);
  const schema = z
    .union([id, z.object({ id }).catchall(z.union([z.string(), z.number(), z.boolean()]))])
    .superRefine((entry, ctx) => {
      const { id: name, options } = splitEntry(entry);
      const descriptor = registry.find(name);
      if (descriptor === undefined) return;
      const missing = (descriptor.requires ?? []).filter((key) => !(key in options));
      if (missing.length > 0) {
        ctx.addIssue({ code: 'custom', path: [], message: `${kind} '${name}' needs option ${missing.map((k) => `'${k}'`).join(', ')}: write it as { id: ${name}, ${missing[0]}: … }` });
      }
      const parsed = descriptor.options.safeParse(options);
      if (parsed.success) return;
      // Reported in the order the entry lists its keys, as the user reads them.
      const order = Object.keys(options);
      const problems = optionProblems({ kind, id: name, schema: descriptor.options }, parsed.error.issues);
      for (const problem of problems.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key))) {
        ctx.addIssue({ code: 'custom', path: [problem.key], message: problem.message });
      }
    });
  entrySchemas.set(schema, () => strictEntries(registry));
  return schema;
}

/** The component entry schemas, each with the strict JSON Schema that stands for it. */
const entrySchemas = new WeakMap<z.ZodType, () => JsonSchema>();

type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of a component entry as strict as the loader: a bare id, or one object per registered component
 * with its own options and nothing else (an unknown or misspelled option fails in the editor as it fails the scan).
 */
function strictEntries<D extends Configurable>(registry: Registry<D>): JsonSchema {
  const objects = registry.map((descriptor) => {
    const options = z.toJSONSchema(descriptor.options, { io: 'input', unrepresentable: 'any' }) as JsonSchema & { properties?: JsonSchema; required?: string[] };
    const { $schema: _dialect, properties = {}, required = [], ...rest } = options;
    return {
      ...rest,
      type: 'object',
      properties: { id: { const: descriptor.id }, ...properties },
      required: ['id', ...new Set([...required, ...(descriptor.requires ?? [])])],
      additionalProperties: false,
    };
  });
  return { anyOf: [{ type: 'string', enum: [...registry.ids] }, ...objects] };
}

/** For z.toJSONSchema's `override`: replaces a component entry's loose JSON Schema with the strict one. */
export function strictComponentEntries(ctx: { zodSchema: unknown; jsonSchema: JsonSchema }): void {
  const strict = entrySchemas.get(ctx.zodSchema as z.ZodType);
  if (strict === undefined) return;
  for (const key of Object.keys(ctx.jsonSchema)) delete ctx.jsonSchema[key];
  Object.assign(ctx.jsonSchema, strict());
}

/** Splits an entry into its id and its options. */
export function splitEntry(entry: ComponentEntry): { id: string; options: ComponentOptions } {
  if (typeof entry === 'string') return { id: entry, options: {} };
  const { id, ...options } = entry;
  return { id, options };
}
