import type { LayerEvent } from '../core/event.js';
import type { Persona } from '../core/outcome.js';
import type { RunStore } from '../core/run-store.js';
import { mcNemarExact, type McNemarResult } from '../stats/mcnemar.js';
import { wilsonInterval } from '../stats/wilson.js';

/** A rate with its Wilson 95% interval. */
export type AblationRate = { readonly count: number; readonly of: number; readonly rate: number | null; readonly low: number | null; readonly high: number | null };

/** One configuration of filters, as computed from an observed run. */
export type AblationRow = {
  /** `none`, `all`, `only LAYER`, `all but LAYER`. */
  readonly name: string;
  /** The filter layers on in this configuration. */
  readonly layers: readonly string[];
  /** Attack success rate over the malicious goals' decided attempts. */
  readonly attack: AblationRate;
  /** The paired change against no filters: attacks the configuration stopped (success → failure), exact McNemar p. */
  readonly againstNone: McNemarResult;
  /** Share of the benign goals' decided attempts the configuration blocked (what it costs ordinary users). */
  readonly falseBlock: AblationRate;
};

/** What `redline defend` computes from a run whose guarded target observed (decided, did not enforce). */
export type LayerAblation = {
  readonly runId: string;
  /** Filter layers (they only allow or block): every subset of them is computed exactly. */
  readonly filters: readonly string[];
  /** Layers that rewrote traffic (metaprompt, spotlighting, output filters): their effect needs a run per configuration. */
  readonly rewriting: readonly string[];
  /** Single-turn decided attempts the table is computed over, by persona. */
  readonly attempts: Readonly<Record<Persona, number>>;
  /** Multi-turn attempts left out: a block at one turn changes the turns after it, so they are re-run per configuration. */
  readonly multiTurnLeftOut: number;
  /** The configurations. */
  readonly rows: readonly AblationRow[];
  /**
   * For each scored filter whose recorded decisions follow its score (every block scored above every allow): attack
   * success and false blocks of that layer alone as its threshold varies, computed from the recorded scores.
   */
  readonly sweeps: readonly { readonly layer: string; readonly points: readonly { readonly threshold: number; readonly attack: AblationRate; readonly falseBlock: AblationRate }[] }[];
  /** What each layer added to a request's latency, ms (median and 95th percentile over its decisions). */
  readonly latency: readonly { readonly layer: string; readonly decisions: number; readonly medianMs: number; readonly p95Ms: number }[];
};

function rate(count: number, of: number): AblationRate {
  const interval = of === 0 ? null : wilsonInterval(count, of);
  return { count, of, rate: of === 0 ? null : count / of, low: interval?.low ?? null, high: interval?.high ?? null };
}

type Observed = { readonly persona: Persona; readonly success: boolean; readonly blockedBy: ReadonlySet<string>; readonly scores: ReadonlyMap<string, number> };

/**
 * Every subset worth reading (none, each filter alone, all, all but each) of a run whose guarded target observed:
 * for a single-turn attempt a filter's decision depends only on the request and the reply, both recorded, so what a
 * configuration would have blocked is computed exactly — one target call per attempt serves every configuration.
 * A blocked malicious attempt is an attack stopped; a blocked benign one is a false block.
 */
export async function layerAblation(store: RunStore, runId: string): Promise<LayerAblation> {
  await store.runs.require(runId);
  const observed: Observed[] = [];
  const filters = new Set<string>();
  const rewriting = new Set<string>();
  let multiTurnLeftOut = 0;
  const times = new Map<string, number[]>();
  let after = -1;
  for (;;) {
    const page = await store.attempts.query({ runId, filter: {}, afterSeq: after, limit: 500 });
    for (const item of page) {
      if (item.outcome !== 'success' && item.outcome !== 'failure') continue;
      const view = (await store.attempts.get({ runId, seq: item.seq }))!;
      if (view.measures?.conversation !== undefined) {
        multiTurnLeftOut += 1;
        continue;
      }
      const layers = view.events.filter((e): e is LayerEvent => e.type === 'layer');
      for (const l of layers) {
        (l.decision === 'rewrite' ? rewriting : filters).add(l.layer);
        times.set(l.layer, [...(times.get(l.layer) ?? []), l.latencyMs]);
      }
      const scores = new Map<string, number>();
      for (const l of layers) if (l.score !== undefined) scores.set(l.layer, Math.max(scores.get(l.layer) ?? 0, l.score));
      observed.push({ persona: view.persona, success: view.outcome === 'success', blockedBy: new Set(layers.filter((l) => l.decision === 'block').map((l) => l.layer)), scores });
    }
    if (page.length < 500) break;
    after = page.at(-1)!.seq;
  }
  for (const layer of rewriting) filters.delete(layer);
  const names = [...filters].sort();
  const configurations: { name: string; layers: string[] }[] = [
    { name: 'none', layers: [] },
    ...names.map((l) => ({ name: `only ${l}`, layers: [l] })),
    ...(names.length > 1 ? [{ name: 'all', layers: names }] : []),
    ...(names.length > 2 ? names.map((l) => ({ name: `all but ${l}`, layers: names.filter((x) => x !== l) })) : []),
  ];
  const rows = configurations.map(({ name, layers }): AblationRow => {
    const blocks = (o: Observed) => layers.some((l) => o.blockedBy.has(l));
    const malicious = observed.filter((o) => o.persona === 'malicious');
    const benign = observed.filter((o) => o.persona === 'benign');
    const stopped = malicious.filter((o) => o.success && blocks(o)).length;
    return {
      name, layers,
      attack: rate(malicious.filter((o) => o.success && !blocks(o)).length, malicious.length),
      againstNone: mcNemarExact({ successToFailure: stopped, failureToSuccess: 0 }),
      falseBlock: rate(benign.filter(blocks).length, benign.length),
    };
  });
  const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const latency = [...times].sort(([a], [b]) => a.localeCompare(b)).map(([layer, ms]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    return { layer, decisions: sorted.length, medianMs: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95) };
  });
  const sweeps = names.flatMap((layer) => {
    const scored = observed.filter((o) => o.scores.has(layer));
    if (scored.length === 0 || scored.length < observed.length) return [];
    const blockedScores = scored.filter((o) => o.blockedBy.has(layer)).map((o) => o.scores.get(layer)!);
    const allowedScores = scored.filter((o) => !o.blockedBy.has(layer)).map((o) => o.scores.get(layer)!);
    // Only a layer whose decisions a threshold on the recorded score reproduces can be swept exactly.
    if (blockedScores.length > 0 && allowedScores.length > 0 && Math.max(...allowedScores) >= Math.min(...blockedScores)) return [];
    const points = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9].map((threshold) => {
      const blocks = (o: Observed) => o.scores.get(layer)! >= threshold;
      const malicious = observed.filter((o) => o.persona === 'malicious');
      const benign = observed.filter((o) => o.persona === 'benign');
      return { threshold, attack: rate(malicious.filter((o) => o.success && !blocks(o)).length, malicious.length), falseBlock: rate(benign.filter(blocks).length, benign.length) };
    });
    return [{ layer, points }];
  });
  return {
    runId, filters: names, latency, sweeps, rewriting: [...rewriting].sort(), multiTurnLeftOut, rows,
    attempts: { malicious: observed.filter((o) => o.persona === 'malicious').length, benign: observed.filter((o) => o.persona === 'benign').length },
  };
}
