import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { optionsFromDefaults, type ComponentOptions } from '../core/options.js';
import { PLUGIN_KINDS, type PluginComponents } from './components.js';
import { formatPath } from './zod-issue.js';

/** A plugin as checked: its name, version and the components it adds. */
export type CheckedPlugin = { readonly name: string; readonly version?: string; readonly components: PluginComponents };

const fn = z.custom<(...args: never[]) => unknown>((value) => typeof value === 'function', { message: 'must be a function' });
const schema = z.custom<z.ZodType>(
  (value) => typeof value === 'object' && value !== null && typeof (value as { safeParse?: unknown }).safeParse === 'function' && typeof (value as { _zod?: unknown })._zod === 'object',
  { message: "must be a zod options schema: use the define helper, or build it with z from 'redline-ai'" },
);
const id = z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, 'ids are lower-case letters, digits, dots and dashes, e.g. acme-polite-ask');
const common = { id, summary: z.string().min(1, 'say in one line what it does'), version: z.number().int().min(1), create: fn };
const taxonomy = z.object({ atlas: z.array(z.string()), owasp: z.array(z.string()) });

/** Each kind's required shape: what the engine, the configuration and the listings read from a descriptor. */
const shapes = {
  techniques: z.looseObject({ ...common, options: schema.optional(), source: z.string(), taxonomy, personas: z.array(z.enum(['malicious', 'benign'])).min(1) }),
  converters: z.looseObject({ ...common, options: schema.optional(), taxonomy }),
  scorers: z.looseObject({ ...common, options: z.union([schema, fn]) }),
  targets: z.looseObject({ ...common, options: schema }),
} as const;

const define: Readonly<Record<(typeof PLUGIN_KINDS)[number], string>> = {
  techniques: 'defineTechnique', converters: 'defineConverter', scorers: 'defineScorer', targets: 'defineTarget',
};

/**
 * Checks a plugin module's export: `{ name, version?, techniques?, converters?, scorers?, targets? }`, each component
 * a descriptor as its define helper makes it. Anything else is a ConfigError naming the plugin and the field.
 */
export function checkPluginShape(value: unknown, input: { spec: string; where: { file: string; path: string } }): CheckedPlugin {
  const { where } = input;
  const fail = (problem: string, hint: string): never => {
    throw new ConfigError(`${where.file}: ${where.path}: plugin '${input.spec}': ${problem}`, { file: where.file, path: where.path, hint });
  };
  if (typeof value !== 'object' || value === null) return fail('its export is not a plugin object', "export default definePlugin({ name: 'my-plugin', techniques: [ … ] })");
  const record = value as Record<string, unknown>;
  const unknown = Object.keys(record).filter((key) => key !== 'name' && key !== 'version' && !(PLUGIN_KINDS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    fail(`it exports ${unknown.map((k) => `'${k}'`).join(', ')}, which this Redline cannot load`, `a plugin adds ${PLUGIN_KINDS.join(', ')} (docs/plugins.md)`);
  }
  if (typeof record['name'] !== 'string' || record['name'].trim() === '') fail('it has no name', "give it one: definePlugin({ name: 'my-plugin', … })");
  if (record['version'] !== undefined && typeof record['version'] !== 'string') fail('its version must be a string', "e.g. version: '1.0.0'");
  const components: Record<string, readonly unknown[]> = {};
  for (const kind of PLUGIN_KINDS) {
    const list = record[kind];
    if (list === undefined) continue;
    if (!Array.isArray(list)) fail(`${kind} must be a list`, `${kind}: [ ${define[kind]}({ … }) ]`);
    const added: unknown[] = [];
    for (const [index, descriptor] of (list as unknown[]).entries()) {
      const parsed = shapes[kind].safeParse(descriptor);
      if (parsed.success) {
        // A technique or converter written as a plain object gets the options schema its define helper would give.
        const plain = (kind === 'techniques' || kind === 'converters') && parsed.data.options === undefined;
        added.push(plain ? { ...(descriptor as object), options: optionsFromDefaults((descriptor as { defaults?: ComponentOptions }).defaults) } : descriptor);
        continue;
      }
      const issue = parsed.error.issues[0]!;
      const name = (descriptor as { id?: unknown } | null)?.id;
      const at = `${kind}[${index}]${typeof name === 'string' ? ` ('${name}')` : ''}`;
      fail(`${at}.${formatPath(issue.path)}: ${issue.message}`, `declare it with ${define[kind]}({ … }) from 'redline-ai'; docs/plugins.md lists each kind's fields`);
    }
    components[kind] = added;
  }
  return {
    name: record['name'] as string,
    ...(typeof record['version'] === 'string' ? { version: record['version'] } : {}),
    components: components as PluginComponents,
  };
}
