import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError } from '../core/errors.js';
import { createRegistry, optionsUnion } from '../core/registry.js';
import { scorerOptionsFor } from '../scorers/scorer-options.js';
import { addPlugin, builtinComponents, PLUGIN_KINDS, type Components, type PluginComponents } from './components.js';
import { checkPluginShape } from './plugin-shape.js';

/** Where a configuration's plugins are read from: the configuration value (not yet validated), its file and folder. */
export type PluginSource = {
  /** The configuration as written; only its `plugins` list is read here. */
  readonly config: unknown;
  /** The configuration file (for messages). */
  readonly file: string;
  /** The folder plugin paths are relative to. */
  readonly baseDir: string;
};

/**
 * Imports the plugins a configuration lists, in order, and returns Redline's components with theirs added. A plugin
 * is code: it runs with the user's rights, like the configuration that names it. With no `plugins:` it returns
 * Redline's own components and imports nothing.
 */
export async function loadPlugins(source: PluginSource): Promise<Components> {
  const specs = pluginSpecs(source);
  let components = builtinComponents;
  for (const [index, spec] of specs.entries()) {
    const where = { file: source.file, path: `plugins[${index}]` };
    const file = resolvePlugin(spec, { baseDir: source.baseDir, where });
    const exported = await importPlugin(file, { spec, where });
    const plugin = checkPluginShape(exported, { spec, where });
    assertRegistrable(plugin.name, plugin.components, where);
    components = addPlugin(components, { ...plugin, file, where });
  }
  return components;
}

/** The `plugins` list of a configuration value: a list of non-empty strings, or a ConfigError naming the bad entry. */
function pluginSpecs(source: PluginSource): readonly string[] {
  const value = typeof source.config === 'object' && source.config !== null ? (source.config as { plugins?: unknown }).plugins : undefined;
  if (value === undefined) return [];
  const hint = 'write plugins as a list of module paths (relative to the configuration) or package names, e.g. plugins: ["./my-techniques.js"]';
  if (!Array.isArray(value)) throw new ConfigError(`${source.file}: plugins: expected a list of module paths or package names`, { file: source.file, path: 'plugins', hint });
  const bad = value.findIndex((entry) => typeof entry !== 'string' || entry.trim() === '');
  if (bad >= 0) throw new ConfigError(`${source.file}: plugins[${bad}]: expected a module path or a package name`, { file: source.file, path: `plugins[${bad}]`, hint });
  return value as string[];
}

/** True for a spec written as a path ('./x.js', '../x', '/abs/x.mjs', 'C:\\x.js'), not a package name. */
function isPath(spec: string): boolean {
  return spec.startsWith('.') || isAbsolute(spec) || /^[A-Za-z]:[\\/]/.test(spec);
}

/** The module file a plugin spec names: a path relative to the configuration's folder, or an installed package's entry. */
function resolvePlugin(spec: string, input: { baseDir: string; where: { file: string; path: string } }): string {
  const { where } = input;
  if (isPath(spec)) {
    const file = resolve(input.baseDir, spec);
    if (existsSync(file) && statSync(file).isFile()) return file;
    throw new ConfigError(`${where.file}: ${where.path}: cannot find plugin '${spec}' (looked for ${file})`, {
      file: where.file, path: where.path, hint: 'plugin paths are relative to the configuration file\'s folder; name the module file itself (e.g. ./plugins/index.js)',
    });
  }
  const packageDir = findPackage(spec, input.baseDir);
  if (packageDir === undefined) {
    throw new ConfigError(`${where.file}: ${where.path}: cannot find plugin package '${spec}' in node_modules above ${input.baseDir}`, {
      file: where.file, path: where.path, hint: `install it beside the configuration (npm install ${spec}), or give the module's path (./…)`,
    });
  }
  return join(packageDir, packageEntry(packageDir));
}

/** The folder of an installed package, looked for in node_modules from `dir` up, as Node looks. */
function findPackage(name: string, dir: string): string | undefined {
  for (let at = resolve(dir); ; at = dirname(at)) {
    const candidate = join(at, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(at) === at) return undefined;
  }
}

/** A package's import entry: its `exports` for ".", else `main`, else index.js. */
function packageEntry(packageDir: string): string {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { exports?: unknown; main?: unknown };
  const entry = exportTarget(manifest.exports);
  if (entry !== undefined) return entry;
  return typeof manifest.main === 'string' ? manifest.main : 'index.js';
}

/** The file an `exports` field gives for ".", under the import or default condition. */
function exportTarget(exports: unknown): string | undefined {
  if (typeof exports === 'string') return exports;
  if (typeof exports !== 'object' || exports === null) return undefined;
  const record = exports as Record<string, unknown>;
  const dot = '.' in record ? record['.'] : Object.keys(record).some((k) => k.startsWith('.')) ? undefined : record;
  if (typeof dot === 'string') return dot;
  if (typeof dot !== 'object' || dot === null) return undefined;
  const conditions = dot as Record<string, unknown>;
  for (const condition of ['import', 'node', 'default']) {
    const target = conditions[condition];
    if (typeof target === 'string') return target;
    const nested = exportTarget(target);
    if (nested !== undefined) return nested;
  }
  return undefined;
}

/** Imports a plugin module and returns what it exports as its plugin: the default export, else `plugin`. */
async function importPlugin(file: string, input: { spec: string; where: { file: string; path: string } }): Promise<unknown> {
  const { where } = input;
  let module: Record<string, unknown>;
  try {
    module = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
  } catch (error) {
    throw new ConfigError(`${where.file}: ${where.path}: cannot load plugin '${input.spec}': ${(error as Error).message.split('\n')[0]}`, {
      file: where.file, path: where.path, hint: 'a plugin is an ES module (.js or .mjs) whose default export is definePlugin({ … }); run it with node to see the error', cause: error,
    });
  }
  const exported = module['default'] ?? module['plugin'];
  if (exported === undefined) {
    throw new ConfigError(`${where.file}: ${where.path}: plugin '${input.spec}' exports no plugin`, {
      file: where.file, path: where.path, hint: "export it: export default definePlugin({ name: 'my-plugin', techniques: [ … ] }) (definePlugin comes from 'redline-ai')",
    });
  }
  return exported;
}

/**
 * Checks what the registries will do with a plugin's components before they join them: a target type's options
 * must carry `type: <id>`, a scorer's `id: <id>`, as the configuration's unions tell entries apart by them.
 */
function assertRegistrable(name: string, components: PluginComponents, where: { file: string; path: string }): void {
  const checks: readonly [string, () => unknown][] = [
    ['targets', () => optionsUnion(createRegistry('target', components.targets ?? []), 'type')],
    ['scorers', () => scorerOptionsFor(createRegistry('scorer', components.scorers ?? []))],
  ];
  for (const [kind, check] of checks) {
    if ((components[kind as (typeof PLUGIN_KINDS)[number]] ?? []).length === 0) continue;
    try {
      check();
    } catch (error) {
      const key = kind === 'targets' ? 'type' : 'id';
      throw new ConfigError(`${where.file}: ${where.path}: plugin '${name}': ${(error as Error).message}`, {
        file: where.file, path: where.path, hint: `build its options with z.object({ ${key}: z.literal('<its id>'), … }) (z comes from 'redline-ai')`, cause: error,
      });
    }
  }
}
