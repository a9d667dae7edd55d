import { z } from 'zod';
import { closest } from './closest.js';
import { ConfigError } from './errors.js';

/** Parameters of a parameterized converter or technique, e.g. `{ shift: 5 }`; flat and JSON-safe. */
export type ComponentOptions = Readonly<Record<string, string | number | boolean>>;

/** The display id of a component with options: 'caesar' at its defaults, else 'caesar(shift=5)'. */
export function optionsId(id: string, options: ComponentOptions, defaults: ComponentOptions = {}): string {
  const changed = Object.keys(options)
    .filter((k) => options[k] !== defaults[k])
    .sort()
    .map((k) => `${k}=${String(options[k])}`);
  return changed.length === 0 ? id : `${id}(${changed.join(',')})`;
}

/** The schema of a component whose options are all declared by their defaults: each key typed like its default. */
export function optionsFromDefaults(defaults: ComponentOptions = {}): z.ZodType<ComponentOptions> {
  const field = (value: string | number | boolean): z.ZodType =>
    typeof value === 'number' ? z.number().default(value) : typeof value === 'boolean' ? z.boolean().default(value) : z.string().default(value);
  return z.strictObject(Object.fromEntries(Object.entries(defaults).map(([key, value]) => [key, field(value)]))) as z.ZodType<ComponentOptions>;
}

/** One problem with a component's options, worded for people: the option it is about, what is wrong, what to do. */
export type OptionProblem = { readonly key: string; readonly message: string; readonly hint: string };

/** Names the option keys a schema accepts (none when it is not an object schema). */
export function optionKeys(schema: unknown): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape) : [];
}

/**
 * Words the problems zod found in one component's options ('technique', 'role-play'): an unknown key names the
 * closest known one and the valid keys; a value of the wrong type names the type; other problems keep zod's words.
 */
export function optionProblems(component: { kind: string; id: string; schema: unknown }, issues: readonly z.core.$ZodIssue[]): OptionProblem[] {
  const { kind, id } = component;
  const known = optionKeys(component.schema);
  const valid = known.length === 0 ? `'${id}' takes no options` : `valid keys: ${known.join(', ')}`;
  return issues.flatMap((issue): OptionProblem[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const guess = closest(key, known);
        const choices = known.length === 0 ? ' (it takes none)' : `; ${guess ? `did you mean '${guess}'? ` : ''}options: ${known.join(', ')}`;
        return { key, message: `${kind} '${id}' has no option '${key}'${choices}`, hint: valid };
      });
    }
    const key = String(issue.path[0] ?? '');
    if (issue.code === 'invalid_type') return [{ key, message: `option '${key}' of ${kind} '${id}' must be a ${issue.expected}`, hint: valid }];
    return [{ key, message: `option '${key}' of ${kind} '${id}': ${issue.message}`, hint: valid }];
  });
}

/** Parses a component's options with its schema (defaults filled in); the first problem is a ConfigError naming the option. */
export function parseOptions<Options>(component: { kind: string; id: string; schema: z.ZodType<Options> }, input: unknown): Options {
  const parsed = component.schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const [problem] = optionProblems(component, parsed.error.issues);
  throw new ConfigError(problem?.message ?? `invalid options for ${component.kind} '${component.id}'`, {
    file: '<options>',
    path: `${component.kind}s.${component.id}${problem?.key ? `.${problem.key}` : ''}`,
    hint: problem?.hint,
    cause: parsed.error,
  });
}
