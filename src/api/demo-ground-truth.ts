import { buildChain } from '../converters/chain.js';
import { converterRegistry } from '../converters/registry.js';
import { ConfigError } from '../core/errors.js';
import { techniqueApplies } from '../core/technique.js';
import { starterGoals } from '../datasets/starter-goals.js';
import { singleTurnRequest } from '../engine/single-turn-request.js';
import { demoDefenseLevels, demoSuccessProbability, demoTargetOptions, describeDemo } from '../targets/demo/index.js';
import { techniqueRegistry } from '../techniques/registry.js';
import { prepareTechnique } from '../techniques/technique-hash.js';

/** The demo target at one defense level, and the true success probability of each technique × chain on it. */
export type DemoGroundTruth = {
  /** The demo's description: metaprompt, feature weights, escalation, canary. */
  readonly demo: ReturnType<typeof describeDemo>;
  /** Chain ids, the columns. */
  readonly chains: readonly string[];
  /** One row per technique that needs no file, attacker or translator: its probability per chain, averaged over the starter goals it applies to. */
  readonly rows: readonly { readonly technique: string; readonly probabilities: readonly number[] }[];
};

/** What the demo target is, and the probabilities its statistics are tested against (`redline targets show demo`). */
export function demoGroundTruth(defense: string): DemoGroundTruth {
  const parsed = demoTargetOptions.safeParse({ type: 'demo', defense });
  if (!parsed.success) {
    throw new ConfigError(`unknown defense level '${defense}'`, { file: '<command line>', path: '--defense', hint: `use one of: ${demoDefenseLevels.join(', ')}` });
  }
  // The encodings the demo decodes (docs/demo-target.md); other converters only hide words from it.
  const shown = ['base64', 'rot13', 'leetspeak'].map((id) => converterRegistry.find((c) => c.id === id)!);
  const chains = [[], ...shown.map((c) => [c])].map((steps) => buildChain(steps));
  // Techniques that need a file, an attacker or a translator cannot be shown without them.
  const rows = techniqueRegistry
    .filter((d) => d.requires === undefined && d.needsAttacker !== true && prepareTechnique(d).technique.translateTo === undefined)
    .map((descriptor) => {
      const { technique } = prepareTechnique(descriptor);
      const goals = starterGoals.filter((g) => g.persona === 'malicious' && techniqueApplies(descriptor, g));
      const probabilities = chains.map((chain) => {
        const ps = goals.map((goal) => demoSuccessProbability({ ...singleTurnRequest({ goal, technique, chain }), seed: 0 }, parsed.data).probability);
        return ps.reduce((a, b) => a + b, 0) / Math.max(1, ps.length);
      });
      return { technique: descriptor.id, probabilities };
    });
  return { demo: describeDemo(parsed.data), chains: chains.map((c) => c.id), rows };
}
