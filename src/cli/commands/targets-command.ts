import { ConfigError } from '../../core/errors.js';
import { buildChain } from '../../converters/chain.js';
import { converterRegistry } from '../../converters/registry.js';
import { techniqueApplies } from '../../core/technique.js';
import { starterGoals } from '../../datasets/starter-goals.js';
import { singleTurnRequest } from '../../engine/single-turn-request.js';
import { closest } from '../../core/closest.js';
import { techniqueRegistry } from '../../techniques/registry.js';
import { prepareTechnique } from '../../techniques/technique-hash.js';
import { demoDefenseLevels, demoSuccessProbability, demoTargetOptions, describeDemo } from '../../targets/demo/index.js';
import { targetRegistry } from '../../targets/registry.js';

/** Lists the target types. */
export function runTargetsListCommand(): number {
  process.stdout.write(`${targetRegistry.map((t) => `${t.id.padEnd(8)} ${t.summary}`).join('\n')}\n`);
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
  const parsed = demoTargetOptions.safeParse({ type: 'demo', defense: options.defense });
  if (!parsed.success) {
    throw new ConfigError(`unknown defense level '${options.defense}'`, { file: '<command line>', path: '--defense', hint: `use one of: ${demoDefenseLevels.join(', ')}` });
  }
  const demo = describeDemo(parsed.data);
  const out = [
    `${demo.id}  (SIMULATED target: its numbers are a model's, not a real system's)`,
    `defense: ${demo.defense}   document defense: ${demo.documentDefense}   over-refusal: ${demo.overRefusal}   canary: ${demo.canary}`,
    '', 'metaprompt:', ...demo.metaprompt.split('\n').map((l) => `  ${l}`),
    '', 'features (logit weights):', ...demo.features.map((f) => `  ${f.name.padEnd(22)} ${f.weight >= 0 ? '+' : ''}${f.weight.toFixed(2)}  ${f.description}`),
    '', `multi-turn escalation (earlier turns answered; at most ${demo.model.escalationCap} counted)${demo.driftLimit === undefined ? '' : `; sessions end after ${demo.driftLimit} user turns`}:`,
    ...demo.escalation.map((e) => `  ${String(e.turns).padStart(2)} user turns: ${pct(e.probability).trim()}`),
    '', 'true success probability per technique × chain, averaged over the starter goals it applies to:',
  ];
  // The encodings the demo decodes (docs/demo-target.md); other converters only hide words from it.
  const shown = ['base64', 'rot13', 'leetspeak'].map((id) => converterRegistry.find((c) => c.id === id)!);
  const chains = [[], ...shown.map((c) => [c])].map((steps) => buildChain(steps));
  out.push(`  ${'technique'.padEnd(26)} ${chains.map((c) => c.id.padStart(10)).join('')}`);
  // Techniques that need a file or a translator cannot be shown without them.
  for (const descriptor of techniqueRegistry.filter((d) => d.requires === undefined && d.needsAttacker !== true && prepareTechnique(d).technique.translateTo === undefined)) {
    const { technique } = prepareTechnique(descriptor);
    const goals = starterGoals.filter((g) => g.persona === 'malicious' && techniqueApplies(descriptor, g));
    const cells = chains.map((chain) => {
      const ps = goals.map((goal) => {
        const request = singleTurnRequest({ goal, technique, chain });
        return demoSuccessProbability({ ...request, seed: 0 }, parsed.data).probability;
      });
      return pct(ps.reduce((a, b) => a + b, 0) / Math.max(1, ps.length)).padStart(10);
    });
    out.push(`  ${descriptor.id.padEnd(26)} ${cells.join('')}`);
  }
  process.stdout.write(`${out.join('\n')}\n`);
  return 0;
}
