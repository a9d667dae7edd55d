import { converterRegistry } from '../converters/registry.js';
import type { ConverterDescriptor } from '../core/converter.js';
import { ConfigError } from '../core/errors.js';
import { createRegistry, type Registry } from '../core/registry.js';
import type { ScorerDescriptor } from '../core/score.js';
import type { TechniqueDescriptor } from '../core/technique.js';
import { scorerRegistry } from '../scorers/registry.js';
import { targetRegistry } from '../targets/registry.js';
import type { TargetDescriptor } from '../targets/target-descriptor.js';
import { techniqueRegistry } from '../techniques/registry.js';

/** A target type as a plugin registers it: any options schema carrying `type: <id>`. */
export type AnyTargetDescriptor = TargetDescriptor<string, any>;
/** A scorer as a plugin registers it. */
export type AnyScorerDescriptor = ScorerDescriptor<any, any>;

/** What a plugin adds, kind by kind (see `definePlugin`). */
export type PluginComponents = {
  /** Techniques: how a goal is framed (defineTechnique). */
  readonly techniques?: readonly TechniqueDescriptor[];
  /** Converters: pure prompt transformations (defineConverter). */
  readonly converters?: readonly ConverterDescriptor[];
  /** Scorers: judges of a reply (defineScorer). */
  readonly scorers?: readonly AnyScorerDescriptor[];
  /** Target types (defineTarget). */
  readonly targets?: readonly AnyTargetDescriptor[];
};

/** The kinds a plugin may add, as `PluginComponents` names them. */
export const PLUGIN_KINDS = ['techniques', 'converters', 'scorers', 'targets'] as const;

/** A kind a plugin may add. */
export type PluginKind = (typeof PLUGIN_KINDS)[number];

/** A plugin as loaded: where it came from and the ids it added, by kind. */
export type LoadedPlugin = {
  /** The plugin's name, as it declares it. */
  readonly name: string;
  /** Its version, when it declares one. */
  readonly version?: string;
  /** The module file it was imported from. */
  readonly file: string;
  /** The ids it added, by kind. */
  readonly ids: Readonly<Record<PluginKind, readonly string[]>>;
};

/**
 * The components a configuration may name: Redline's own registries, plus what the configuration's plugins add.
 * It is passed, never global: a plugin loaded for one configuration is invisible to another.
 */
export type Components = {
  readonly targets: Registry<AnyTargetDescriptor>;
  readonly techniques: Registry<TechniqueDescriptor>;
  readonly converters: Registry<ConverterDescriptor>;
  readonly scorers: Registry<AnyScorerDescriptor>;
  /** The plugins added, in the order the configuration lists them. */
  readonly plugins: readonly LoadedPlugin[];
};

/** The components Redline ships, and nothing else. */
export const builtinComponents: Components = {
  targets: targetRegistry as unknown as Registry<AnyTargetDescriptor>,
  techniques: techniqueRegistry as unknown as Registry<TechniqueDescriptor>,
  converters: converterRegistry as unknown as Registry<ConverterDescriptor>,
  scorers: scorerRegistry as unknown as Registry<AnyScorerDescriptor>,
  plugins: [],
};

/** Singular of a plugin kind, as messages say it. */
const SINGULAR: Readonly<Record<PluginKind, string>> = { techniques: 'technique', converters: 'converter', scorers: 'scorer', targets: 'target type' };

/**
 * The components with one plugin's added. An id already taken (by Redline or an earlier plugin) is a ConfigError
 * naming both: a plugin adds components, it never replaces one, so an id means one thing in every run.
 */
export function addPlugin(base: Components, plugin: { readonly name: string; readonly version?: string; readonly file: string; readonly components: PluginComponents; readonly where: { readonly file: string; readonly path: string } }): Components {
  const { where } = plugin;
  const ids = {} as Record<PluginKind, readonly string[]>;
  for (const kind of PLUGIN_KINDS) {
    const added = plugin.components[kind] ?? [];
    const seen = new Set<string>();
    for (const descriptor of added) {
      const owner = base[kind].find(descriptor.id) === undefined ? undefined : ownerOf(base, kind, descriptor.id);
      if (owner !== undefined || seen.has(descriptor.id)) {
        throw new ConfigError(`${where.file}: ${where.path}: plugin '${plugin.name}' adds ${SINGULAR[kind]} '${descriptor.id}', which ${owner ?? 'it'} already ${owner === undefined ? 'adds' : 'has'}`, {
          file: where.file, path: where.path, hint: `give the plugin's ${SINGULAR[kind]} another id (a prefix such as '${slug(plugin.name)}-' keeps ids apart)`,
        });
      }
      seen.add(descriptor.id);
    }
    ids[kind] = [...seen];
  }
  const loaded: LoadedPlugin = { name: plugin.name, ...(plugin.version === undefined ? {} : { version: plugin.version }), file: plugin.file, ids };
  const extend = <D extends { readonly id: string }>(registry: Registry<D>, added: readonly D[] | undefined): Registry<D> =>
    added === undefined || added.length === 0 ? registry : createRegistry(registry.kind, [...registry.all, ...added]);
  return {
    targets: extend(base.targets, plugin.components.targets),
    techniques: extend(base.techniques, plugin.components.techniques),
    converters: extend(base.converters, plugin.components.converters),
    scorers: extend(base.scorers, plugin.components.scorers),
    plugins: [...base.plugins, loaded],
  };
}

/** Who registered an id already: Redline itself, or a plugin by name. */
function ownerOf(base: Components, kind: PluginKind, id: string): string {
  const plugin = base.plugins.find((p) => p.ids[kind].includes(id));
  return plugin === undefined ? 'Redline' : `plugin '${plugin.name}'`;
}

function slug(name: string): string {
  return name.replace(/^@[^/]+\//, '').replace(/^redline-plugin-/, '').replace(/[^a-z0-9]+/gi, '-').toLowerCase();
}

/** The plugin that added a component, for listings (undefined for Redline's own). */
export function pluginOf(components: Components, kind: PluginKind, id: string): LoadedPlugin | undefined {
  return components.plugins.find((p) => p.ids[kind].includes(id));
}
