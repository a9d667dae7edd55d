import { builtinComponents, type Components } from '../config/components.js';
import type { RedlineConfig } from '../config/schema.js';
import { ConfigError } from '../core/errors.js';
import type { LayerEffect } from '../core/layer.js';
import type { StoredRun } from '../core/run.js';
import type { RunStore } from '../core/run-store.js';
import { layerRegistry } from '../layers/registry.js';
import type { TargetContext } from '../targets/context.js';
import { buildLayers } from './build-target.js';
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
 * Runs a defense ablation end to end: one scan per arm into the same store (same plan and seed, so positions pair
 * up); then, when the plan has multi-turn attempts — where a block at one turn changes the turns after it, so no
 * outcome can be computed — one scan per configuration of the table that enforces it, restricted to the multi-turn
 * techniques. A scan that is interrupted or cannot measure stops the ablation: the runs made so far stay stored.
 */
export async function runDefense(input: Omit<ScanOptions, 'store' | 'resume' | 'reports'> & {
  readonly config: RedlineConfig;
  readonly configFile: string;
  readonly store: RunStore;
  /** Components the configuration was validated with (its plugins'): to build the layers and learn their ids. */
  readonly components?: Components;
  /** Called before each scan starts: the observed arms, then the enforced configurations. */
  readonly onScan?: (scan: { readonly index: number; readonly of: number; readonly what: string }) => void;
}): Promise<DefenseResult> {
  const arms = defenseArms(input.config, input.configFile);
  const runs: StoredRun[] = [];
  const { onScan: _, components: __, ...scanOptions } = input;
  const run = async (config: RedlineConfig): Promise<string | undefined> => {
    const result = await scan({ ...scanOptions, config, store: input.store, reports: { json: false, html: false } });
    runs.push(result.run);
    if (result.failure !== undefined) return `run ${result.run.id} could not measure: the target kept failing (${result.failure.rule}): ${result.failure.message}`;
    if (result.interrupted) return `run ${result.run.id} stopped before it finished${result.budgetSpent === undefined ? '' : ` (${result.budgetSpent})`}`;
    return undefined;
  };
  let total = arms.length;
  for (const [index, arm] of arms.entries()) {
    input.onScan?.({ index, of: total, what: `filters observed, ${arm.names.length === 0 ? 'no rewriting layer' : `rewriting layers applied: ${arm.names.join(', ')}`}` });
    const stopped = await run(armConfig(input.config, arm));
    if (stopped !== undefined) return { stopped, runs };
  }
  const armIds = runs.map((r) => r.id);
  const computed = await layerAblation(input.store, armIds);
  if (computed.multiTurnLeftOut === 0) return { ablation: computed, runs };
  const techniques = await multiTurnTechniques(input.store, armIds[0]!);
  const guarded = input.config.target as Extract<RedlineConfig['target'], { type: 'guarded' }>;
  const ids = await layerIds(guarded, { components: input.components ?? builtinComponents, context: { env: input.env ?? {}, baseDir: input.baseDir ?? process.cwd(), configFile: input.configFile } });
  const enforced: { configuration: string; runId: string }[] = [];
  total += computed.rows.length;
  for (const [index, row] of computed.rows.entries()) {
    input.onScan?.({ index: arms.length + index, of: total, what: `${row.name} enforced, multi-turn techniques only (${techniques.join(', ')})` });
    const layers = guarded.layers.filter((_, i) => row.layers.includes(ids[i]!));
    // No layers: the inner target itself (a guarded target needs at least one layer).
    const target = layers.length === 0 ? guarded.inner : { ...guarded, mode: 'enforce', layers };
    const stopped = await run({ ...input.config, select: { ...input.config.select, techniques }, target } as RedlineConfig);
    if (stopped !== undefined) return { stopped, runs };
    enforced.push({ configuration: row.name, runId: runs.at(-1)!.id });
  }
  return { ablation: await layerAblation(input.store, armIds, { enforced }), runs };
}

/** The instance id of each configured layer (what its events and the table name it by). */
async function layerIds(options: Extract<RedlineConfig['target'], { type: 'guarded' }>, input: { components: Components; context: TargetContext }): Promise<string[]> {
  const layers = buildLayers(options, input);
  await Promise.allSettled(layers.map((layer) => layer.close?.()));
  return layers.map((l) => l.id);
}

/** Ids of the techniques whose attempts in a run were conversations. */
async function multiTurnTechniques(store: RunStore, runId: string): Promise<string[]> {
  const ids = new Set<string>();
  let after = -1;
  for (;;) {
    const page = await store.attempts.query({ runId, filter: {}, afterSeq: after, limit: 500 });
    for (const item of page) {
      const view = await store.attempts.get({ runId, seq: item.seq });
      if (view?.measures?.conversation !== undefined) ids.add(view.technique.replace(/\(.*$/s, ''));
    }
    if (page.length < 500) break;
    after = page.at(-1)!.seq;
  }
  return [...ids].sort();
}
