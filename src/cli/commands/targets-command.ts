import { demoGroundTruth } from '../../api/demo-ground-truth.js';
import { pluginOf, targetRegistry } from '../../api/catalog.js';
import { loadConfig } from '../../api/configuration.js';
import { closest } from '../../core/closest.js';
import { ConfigError } from '../../core/errors.js';

/** Lists the target types, the configuration's plugins' included (--config, else redline.yaml here). */
export async function runTargetsListCommand(options: { config?: string } = {}): Promise<number> {
  const { components } = await loadConfig({ file: options.config, cwd: process.cwd() });
  // Ids in one column, as wide as the longest ('anthropic').
  const width = Math.max(...components.targets.map((t) => t.id.length));
  const line = (t: (typeof components.targets)[number]): string => {
    const plugin = pluginOf(components, 'targets', t.id);
    return `${t.id.padEnd(width)} ${t.summary}${plugin === undefined ? '' : `  (plugin: ${plugin.name})`}`;
  };
  process.stdout.write(`${components.targets.map(line).join('\n')}\n`);
  return 0;
}

const pct = (p: number): string => `${(p * 100).toFixed(1)}%`.padStart(7);

/** Shows a target type; for the demo: its metaprompt, weights, and the true success probability per technique × chain. */
export function runTargetsShowCommand(type: string, options: { defense: string }): number {
  const known = targetRegistry.ids;
  if (type !== 'demo') {
    const entry = targetRegistry.find(type);
    if (entry === undefined) {
      const guess = closest(type, known);
      throw new ConfigError(`unknown target type '${type}'`, { file: '<command line>', path: 'type', hint: guess ? `did you mean '${guess}'?` : `use one of: ${known.join(', ')}` });
    }
    process.stdout.write(`${entry.id}: ${entry.summary}\nSee \`redline init\` for an example configuration and \`redline schema\` for every option.\n`);
    return 0;
  }
  const { demo, chains, rows } = demoGroundTruth(options.defense);
  const out = [
    `${demo.id}  (SIMULATED target: its numbers are a model's, not a real system's)`,
    `defense: ${demo.defense}   document defense: ${demo.documentDefense}   over-refusal: ${demo.overRefusal}   canary: ${demo.canary}`,
    '', 'metaprompt:', ...demo.metaprompt.split('\n').map((l) => `  ${l}`),
    '', 'features (logit weights):', ...demo.features.map((f) => `  ${f.name.padEnd(22)} ${f.weight >= 0 ? '+' : ''}${f.weight.toFixed(2)}  ${f.description}`),
    '', `multi-turn escalation (earlier turns answered; at most ${demo.model.escalationCap} counted)${demo.driftLimit === undefined ? '' : `; sessions end after ${demo.driftLimit} user turns`}:`,
    ...demo.escalation.map((e) => `  ${String(e.turns).padStart(2)} user turns: ${pct(e.probability).trim()}`),
    '', 'true success probability per technique × chain, averaged over the starter goals it applies to:',
    `  ${'technique'.padEnd(26)} ${chains.map((c) => c.padStart(10)).join('')}`,
    ...rows.map((row) => `  ${row.technique.padEnd(26)} ${row.probabilities.map((p) => pct(p).padStart(10)).join('')}`),
  ];
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
