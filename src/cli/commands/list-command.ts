import { ConfigError } from '../../core/errors.js';
import type { ComponentOptions } from '../../core/options.js';
import type { TaxonomyTags } from '../../core/taxonomy.js';
import { datasetRegistry, layerRegistry, pluginOf, type Components } from '../../api/catalog.js';
import { loadConfig } from '../../api/configuration.js';
import { closest } from '../../core/closest.js';

const KINDS = ['techniques', 'converters', 'scorers', 'datasets', 'layers'] as const;

/** One listed entry: its id, summary and the facts shown on the second line. */
type Entry = { id: string; summary: string; facts: (string | undefined)[] };

const tags = (t: TaxonomyTags | undefined): string | undefined =>
  t === undefined ? undefined : `atlas: ${t.atlas.join(', ') || '—'}  owasp: ${t.owasp.join(', ') || '—'}`;
const options = (defaults: ComponentOptions | undefined): string | undefined =>
  defaults === undefined ? undefined : `options: ${Object.entries(defaults).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(' ')}`;

function entries(kind: (typeof KINDS)[number], components: Components): Entry[] {
  // A plugin's component says where it comes from.
  const origin = (of: 'techniques' | 'converters' | 'scorers', id: string): string | undefined => {
    const plugin = pluginOf(components, of, id);
    return plugin === undefined ? undefined : `plugin: ${plugin.name}`;
  };
  switch (kind) {
    case 'techniques':
      return components.techniques.map((t) => ({
        id: t.id,
        summary: t.summary,
        facts: [`persona: ${t.personas.join(', ')}`, tags(t.taxonomy), t.categories && `for: ${t.categories.join(', ')}`, options(t.defaults), t.requires && `needs: ${t.requires.join(', ')}`, origin(kind, t.id)],
      }));
    case 'converters':
      // Converters are attacker tools: benign goals are never converted (docs/decisions/005).
      return components.converters.map((c) => ({ id: c.id, summary: c.summary, facts: ['persona: malicious', tags(c.taxonomy), options(c.defaults), origin(kind, c.id)] }));
    case 'scorers':
      return components.scorers.map((s) => ({ id: s.id, summary: s.summary, facts: [`version ${s.version}`, origin(kind, s.id)] }));
    case 'datasets':
      return datasetRegistry.map((d) => ({ id: d.id, summary: d.summary, facts: [`persona: ${d.persona}`, tags(d.taxonomy), `license: ${d.license}`] }));
    case 'layers':
      // Defense layers for `target: { type: guarded }`; the effect says how `redline defend` measures each.
      return layerRegistry.map((l) => ({ id: l.id, summary: l.summary, facts: [`stage: ${l.stage}`, `effect: ${l.effect}`, `version ${l.version}`] }));
  }
}

/**
 * Prints the registered techniques, converters, scorers, datasets or defense layers with summaries, personas and taxonomy ids; the
 * configuration's plugins (--config, else redline.yaml here) add theirs, each marked with its plugin.
 */
export async function runListCommand(kind: string, options: { config?: string } = {}): Promise<number> {
  if (!(KINDS as readonly string[]).includes(kind)) {
    const guess = closest(kind, KINDS);
    throw new ConfigError(`unknown list '${kind}'`, { file: '<command line>', path: 'list', hint: guess ? `did you mean 'redline list ${guess}'?` : `use one of: ${KINDS.join(', ')}` });
  }
  const { components } = await loadConfig({ file: options.config, cwd: process.cwd() });
  const list = entries(kind as (typeof KINDS)[number], components);
  const width = Math.max(...list.map((e) => e.id.length)) + 2;
  const lines = list.flatMap((e) => [`${e.id.padEnd(width)}${e.summary}`, `${''.padEnd(width)}${e.facts.filter((f) => f !== undefined).join('  ')}`]);
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
