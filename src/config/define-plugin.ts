import type { PluginComponents } from './components.js';

/**
 * A Redline plugin: a name and the components it adds, each declared with its define helper (defineTechnique,
 * defineConverter, defineScorer, defineTarget). A configuration loads it with `plugins: ["./my-plugin.js"]`.
 */
export type RedlinePlugin = PluginComponents & {
  /** The plugin's name, shown in listings and messages (e.g. the npm package name). */
  readonly name: string;
  /** Its version; bump each component's own `version` when its behaviour changes, as Redline does. */
  readonly version?: string;
};

/** Declares a plugin with its types checked; its module's default export is what `plugins:` loads. */
export function definePlugin<const P extends RedlinePlugin>(plugin: P): P {
  return plugin;
}
