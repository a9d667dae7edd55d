import type { RedlineConfig } from '../config/schema.js';
import { ConfigError } from '../core/errors.js';
import type { LayerEffect } from '../core/layer.js';
import type { StoredRun } from '../core/run.js';
import type { RunStore } from '../core/run-store.js';
import { layerRegistry } from '../layers/registry.js';
import { layerAblation, type LayerAblation } from './layer-ablation.js';
import { scan, type ScanOptions } from './scan.js';

/** One scan of a defense ablation: the filters observed, and this set of rewriting layers applied. */
export type DefenseArm = {
  /** Positions in `target.layers` of the rewriting layers this scan applies. */
  readonly rewriting: readonly number[];
  /** Their ids, for display. */
  readonly names: readonly string[];
};

/** What `runDefense` leaves behind. */
export type DefenseResult =
  | { readonly ablation: LayerAblation; readonly runs: readonly StoredRun[] }
  | { readonly stopped: string; readonly runs: readonly StoredRun[] };

/**
 * The scans a defense ablation needs for a guarded target's stack: the filters (layers that only block) are
 * observed in every scan and every subset of them computed from it; layers that rewrite traffic are applied, one
 * scan per set of them a configuration of the table needs — none, each alone, all, all but each.
 */
export function defenseArms(config: RedlineConfig, configFile: string): DefenseArm[] {
  const target = config.target;
  if (target.type !== 'guarded') {
    throw new ConfigError(`a defense ablation needs a guarded target, not '${target.type}'`, {
      file: configFile, path: 'target.type', hint: 'write `target: { type: guarded, inner: { …your target… }, layers: [ … ] }` (docs/defense.md)',
    });
  }
  const layers = target.layers as readonly { readonly id: string }[];
  if (layers.length === 0) throw new ConfigError('the guarded target has no layers to ablate', { file: configFile, path: 'target.layers', hint: 'list the layers to measure, e.g. [{ id: input-classifier, classifier: injection-detector }]' });
  const effect = (id: string): LayerEffect => layerRegistry.get(id).effect;
  const rewriting = layers.flatMap((l, i) => (effect(l.id) === 'rewrite' ? [i] : []));
  // The table's configurations (ablation rows): none, each alone, all (two or more layers), all but each (three or more).
  const sets: number[][] = [[], ...rewriting.map((i) => [i]), ...(layers.length > 1 ? [rewriting] : []), ...(layers.length > 2 ? rewriting.map((i) => rewriting.filter((x) => x !== i)) : [])];
  const seen = new Set<string>();
  return sets.filter((set) => {
    const key = set.join(',');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).map((set) => ({ rewriting: set, names: set.map((i) => layers[i]!.id) }));
}

/** The configuration of one arm's scan: every filter observed, the arm's rewriting layers applied, nothing blocked. */
export function armConfig(config: RedlineConfig, arm: DefenseArm): RedlineConfig {
  if (config.target.type !== 'guarded') throw new TypeError('armConfig needs a guarded target');
  const layers = config.target.layers as readonly { readonly id: string }[];
  const kept = layers.filter((l, i) => layerRegistry.get(l.id).effect === 'block' || arm.rewriting.includes(i));
  return { ...config, target: { ...config.target, mode: 'observe-blocks', layers: kept } } as RedlineConfig;
}

/**
 * Runs a defense ablation end to end: one scan per arm into the same store (same plan and seed, so plan positions
 * pair up), then the table. A scan that is interrupted or cannot measure stops the ablation: the runs made so far
 * stay stored and can be ablated later by id.
 */
export async function runDefense(input: Omit<ScanOptions, 'store' | 'resume' | 'reports'> & {
  readonly config: RedlineConfig;
  readonly configFile: string;
  readonly store: RunStore;
  /** Called before each scan starts. */
  readonly onArm?: (arm: DefenseArm, index: number, of: number) => void;
}): Promise<DefenseResult> {
  const arms = defenseArms(input.config, input.configFile);
  const runs: StoredRun[] = [];
  for (const [index, arm] of arms.entries()) {
    input.onArm?.(arm, index, arms.length);
    const { onArm: _, ...options } = input;
    const result = await scan({ ...options, config: armConfig(input.config, arm), store: input.store, reports: { json: false, html: false } });
    runs.push(result.run);
    if (result.failure !== undefined) return { stopped: `run ${result.run.id} could not measure: the target kept failing (${result.failure.rule}): ${result.failure.message}`, runs };
    if (result.interrupted) return { stopped: `run ${result.run.id} stopped before it finished${result.budgetSpent === undefined ? '' : ` (${result.budgetSpent})`}`, runs };
  }
  return { ablation: await layerAblation(input.store, runs.map((r) => r.id)), runs };
}
