import { ConfigError } from '../core/errors.js';
import type { LayerEvent } from '../core/event.js';
import type { LayerEffect } from '../core/layer.js';
import type { Persona } from '../core/outcome.js';
import type { RunStore } from '../core/run-store.js';
import { pairedDifference, type PairedDifference } from '../stats/paired-difference.js';
import { wilsonInterval } from '../stats/wilson.js';
import { runPrices } from './pricing.js';

/** A rate with its Wilson 95% interval. */
export type AblationRate = { readonly count: number; readonly of: number; readonly rate: number | null; readonly low: number | null; readonly high: number | null };

/** A configuration's difference from its neighbour, position by position. */
export type AblationPaired = {
  /** The neighbour configuration: `none` for a layer alone and for `all`, `all` for all but a layer. */
  readonly against: string;
  /** Attack success here minus there, over malicious positions decided in both (negative: fewer attacks got through). */
  readonly attack: PairedDifference;
  /** Benign requests refused or blocked here minus there (positive: ordinary users lose more). */
  readonly benignRefused: PairedDifference;
};

/** What a configuration spends on the target per 1,000 requests, from recorded token usage. */
export type AblationCost = {
  /** Target tokens (prompt + completion) per 1,000 requests: a request a request-side filter stops never reaches the model. */
  readonly tokensPer1k: number | null;
  /** US dollars per 1,000 requests at the run's `pricing` for the target; null when the target has no price or reported no usage. */
  readonly usdPer1k: number | null;
};

/** One configuration of layers. */
export type AblationRow = {
  /** `none`, `all`, `only LAYER`, `all but LAYER`. */
  readonly name: string;
  /** The layers on in this configuration. */
  readonly layers: readonly string[];
  /** The run its single-turn traffic was recorded in (the one with exactly its rewriting layers applied). */
  readonly runId: string;
  /** The run that enforced it, for its multi-turn attempts, when there is one. */
  readonly enforcedRunId?: string;
  /** Multi-turn attempts counted (from the enforced run); 0 when they are left out. */
  readonly multiTurn: number;
  /** Attack success rate over the malicious goals' decided attempts. */
  readonly attack: AblationRate;
  /** Share of the benign goals' decided attempts a layer of the configuration blocked. */
  readonly falseBlock: AblationRate;
  /** Share of the benign goals' decided attempts blocked or refused by the model (what ordinary users lose in all). */
  readonly benignRefused: AblationRate;
  /** The paired difference against its neighbour configuration; null for `none`. */
  readonly paired: AblationPaired | null;
  /** Target spend per 1,000 requests. */
  readonly cost: AblationCost;
};

/** One stored run an ablation reads, and the rewriting layers its traffic went through. */
export type AblationArm = { readonly runId: string; readonly rewriting: readonly string[] };

/** What `redline defend` computes from runs whose guarded target observed (decided, did not block). */
export type LayerAblation = {
  /** The runs read: one per set of rewriting layers applied. */
  readonly arms: readonly AblationArm[];
  /** Filter layers (they only allow or block): every subset of them is computed exactly from each run. */
  readonly filters: readonly string[];
  /** Layers that rewrite traffic (metaprompt, spotlighting, redaction): a configuration needs a run with exactly its set. */
  readonly rewriting: readonly string[];
  /** Configurations that would need a run with a set of rewriting layers none of the runs applied. */
  readonly notRun: readonly string[];
  /** Single-turn decided attempts per run, by persona (the first run's; every run has the same plan). */
  readonly attempts: Readonly<Record<Persona, number>>;
  /**
   * Multi-turn attempts left out of configurations with no enforced run: a block at one turn changes the turns after
   * it, so they need a scan per configuration (`redline defend --config` runs them).
   */
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

/** One decided single-turn attempt as an ablation reads it. */
type Observed = {
  /** The plan position as a design cell — goal, technique, chain, trial — the same in every run of one configuration. */
  readonly key: string;
  readonly seq: number;
  readonly goal: string;
  readonly persona: Persona;
  /** Malicious: the attack succeeded; benign: the model wrongly refused. */
  readonly success: boolean;
  /** Layers that decided to block it, and at which side (a request-side block spares the target call). */
  readonly blockedBy: ReadonlyMap<string, 'request' | 'reply'>;
  readonly scores: ReadonlyMap<string, number>;
  /** Target tokens, when the target reported them. */
  readonly usage: { readonly prompt: number; readonly completion: number } | undefined;
};

type ArmData = { readonly runId: string; readonly applied: ReadonlySet<string>; readonly observed: ReadonlyMap<string, Observed>; readonly price: { readonly input: number; readonly output: number } | undefined; readonly effects: ReadonlyMap<string, LayerEffect>; readonly multiTurn: number };

/**
 * Reads one run's decided attempts. An observed run (`observe` or `observe-blocks`) gives its single-turn attempts,
 * whose filter decisions are recomputed per configuration; an enforced run — one configuration's own scan, for the
 * multi-turn attempts a block changes the course of — gives its multi-turn attempts as they ended.
 */
async function readArm(store: RunStore, runId: string, input: { readonly times: Map<string, number[]>; readonly enforced: boolean }): Promise<ArmData> {
  const run = await store.runs.require(runId);
  const target = (run.config as { target?: { type?: string; mode?: string } } | undefined)?.target;
  const mode = target?.type === 'guarded' ? target.mode ?? 'enforce' : undefined;
  if (mode === 'enforce' && !input.enforced) {
    throw new ConfigError(`run ${runId} enforced its layers: an ablation reads runs whose guarded target only recorded blocks`, {
      file: '<command line>', path: 'RUN', hint: 'scan with `target: { type: guarded, mode: observe, … }`, or let `redline defend --config FILE` run the scans',
    });
  }
  const observed = new Map<string, Observed>();
  const effects = new Map<string, LayerEffect>();
  const present = new Set<string>();
  let multiTurn = 0;
  let after = -1;
  for (;;) {
    const page = await store.attempts.query({ runId, filter: {}, afterSeq: after, limit: 500 });
    for (const item of page) {
      if (item.outcome !== 'success' && item.outcome !== 'failure') continue;
      const view = (await store.attempts.get({ runId, seq: item.seq }))!;
      const conversation = view.measures?.conversation !== undefined;
      if (conversation !== input.enforced) {
        if (conversation) multiTurn += 1;
        continue;
      }
      const layers = view.events.filter((e): e is LayerEvent => e.type === 'layer');
      const blockedBy = new Map<string, 'request' | 'reply'>();
      const scores = new Map<string, number>();
      for (const l of layers) {
        present.add(l.layer);
        // Events recorded before layers declared their effect: a layer that rewrote anything is a rewriting one.
        if (l.effect !== undefined) effects.set(l.layer, l.effect);
        else if (l.decision === 'rewrite') effects.set(l.layer, 'rewrite');
        else if (!effects.has(l.layer)) effects.set(l.layer, 'block');
        input.times.set(l.layer, [...(input.times.get(l.layer) ?? []), l.latencyMs]);
        if (l.decision === 'block' && blockedBy.get(l.layer) !== 'request') blockedBy.set(l.layer, l.stage === 'output' ? 'reply' : 'request');
        if (l.score !== undefined) scores.set(l.layer, Math.max(scores.get(l.layer) ?? 0, l.score));
      }
      const usage = view.measures?.usage;
      const key = `${view.goalId}\u0000${view.technique}\u0000${view.chainId}\u0000${view.trial}`;
      observed.set(key, {
        key, seq: view.seq, goal: view.goalId, persona: view.persona, success: view.outcome === 'success', blockedBy, scores,
        usage: usage === undefined ? undefined : { prompt: usage.promptTokens, completion: usage.completionTokens },
      });
    }
    if (page.length < 500) break;
    after = page.at(-1)!.seq;
  }
  // Observe mode sends traffic unchanged: no rewrite was applied. Observe-blocks applies every rewriting layer present.
  const applied = new Set(mode === 'observe-blocks' ? [...present].filter((l) => effects.get(l) === 'rewrite') : []);
  return { runId, applied, observed, price: runPrices(run.config).target, effects, multiTurn };
}

const sameSet = (a: ReadonlySet<string>, b: readonly string[]): boolean => a.size === b.length && b.every((x) => a.has(x));

/**
 * The configurations worth reading — none, each layer alone, all, and (with three or more layers) all but each —
 * from runs whose guarded target recorded every layer's decision without blocking. For a single-turn attempt a
 * filter's decision depends only on the request and the reply, both recorded, so what any set of filters would have
 * blocked is computed exactly; a layer that rewrites traffic changes what the model reads, so a configuration is
 * read from the run that applied exactly its rewriting layers (`redline defend --config` runs one per set). A blocked
 * malicious attempt is an attack stopped; a blocked benign one is a false block. Runs must share one plan: the same
 * plan position is the same goal, technique and trial in each, and pairs are formed by position.
 */
export async function layerAblation(store: RunStore, runIds: string | readonly string[], options: {
  /** Runs that enforced one configuration each, read for their multi-turn attempts (`redline defend --config` makes them). */
  readonly enforced?: readonly { readonly configuration: string; readonly runId: string }[];
} = {}): Promise<LayerAblation> {
  const ids = typeof runIds === 'string' ? [runIds] : [...runIds];
  if (ids.length === 0) throw new RangeError('an ablation needs at least one run');
  const times = new Map<string, number[]>();
  const arms: ArmData[] = [];
  for (const id of ids) arms.push(await readArm(store, id, { times, enforced: false }));
  const enforced = new Map<string, ArmData>();
  for (const e of options.enforced ?? []) enforced.set(e.configuration, await readArm(store, e.runId, { times: new Map(), enforced: true }));
  const first = arms[0]!;
  for (const arm of arms.slice(1)) {
    if (arm.observed.size > 0 && first.observed.size > 0 && ![...arm.observed.keys()].some((k) => first.observed.has(k))) {
      throw new ConfigError(`runs ${first.runId} and ${arm.runId} do not share a plan (no goal, technique, chain and trial in common)`, {
        file: '<command line>', path: 'RUN', hint: 'ablate runs of one configuration that differ only in their layers (same goals, techniques, trials and seed)',
      });
    }
  }
  const effects = new Map<string, LayerEffect>();
  for (const arm of arms) for (const [layer, effect] of arm.effects) if (effects.get(layer) !== 'rewrite') effects.set(layer, effect);
  const filters = [...effects].filter(([, e]) => e === 'block').map(([l]) => l).sort();
  const rewriting = [...effects].filter(([, e]) => e === 'rewrite').map(([l]) => l).sort();
  const all = [...filters, ...rewriting];
  const configurations: { name: string; layers: string[]; against?: string }[] = [
    { name: 'none', layers: [] },
    ...all.map((l) => ({ name: `only ${l}`, layers: [l], against: 'none' })),
    ...(all.length > 1 ? [{ name: 'all', layers: all, against: 'none' }] : []),
    ...(all.length > 2 ? all.map((l) => ({ name: `all but ${l}`, layers: all.filter((x) => x !== l), against: 'all' })) : []),
  ];
  const outcomes = new Map<string, ConfigurationOutcomes>();
  const notRun: string[] = [];
  for (const c of configurations) {
    const wanted = c.layers.filter((l) => effects.get(l) === 'rewrite');
    const arm = arms.find((a) => sameSet(a.applied, wanted));
    if (arm === undefined) {
      notRun.push(c.name);
      continue;
    }
    outcomes.set(c.name, configurationOutcomes({ arm, on: c.layers.filter((l) => effects.get(l) === 'block'), enforced: enforced.get(c.name) }));
  }
  const rows = configurations.flatMap((c): AblationRow[] => {
    const mine = outcomes.get(c.name);
    if (mine === undefined) return [];
    const entries = [...mine.entries.values()];
    const malicious = entries.filter((e) => e.persona === 'malicious');
    const benign = entries.filter((e) => e.persona === 'benign');
    const neighbour = c.against === undefined ? undefined : outcomes.get(c.against);
    const pairOf = (there: ConfigurationOutcomes, persona: Persona) => pairedDifference(entries
      .filter((e) => e.persona === persona && there.entries.has(e.key))
      .map((e) => ({ cluster: e.goal, a: e.success, b: there.entries.get(e.key)!.success })));
    // Requests with recorded usage; one a request-side filter of this configuration stops never reaches the model.
    const spent = entries.filter((e) => e.usage !== undefined).map((e) => e.usage!);
    const per1k = (value: (u: { prompt: number; completion: number }) => number) => (spent.length === 0 ? null : spent.reduce((sum, u) => sum + value(u), 0) / spent.length * 1000);
    const { price } = mine;
    return [{
      name: c.name, layers: c.layers, runId: mine.runId, ...(mine.enforcedRunId === undefined ? {} : { enforcedRunId: mine.enforcedRunId }),
      multiTurn: entries.filter((e) => e.multiTurn).length,
      attack: rate(malicious.filter((e) => e.success).length, malicious.length),
      falseBlock: rate(benign.filter((e) => e.blocked).length, benign.length),
      benignRefused: rate(benign.filter((e) => e.success).length, benign.length),
      paired: neighbour === undefined ? null : { against: c.against!, attack: pairOf(neighbour, 'malicious'), benignRefused: pairOf(neighbour, 'benign') },
      cost: { tokensPer1k: per1k((u) => u.prompt + u.completion), usdPer1k: price === undefined ? null : per1k((u) => (u.prompt * price.input + u.completion * price.output) / 1_000_000) },
    }];
  });
  const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const latency = [...times].sort(([a], [b]) => a.localeCompare(b)).map(([layer, ms]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    return { layer, decisions: sorted.length, medianMs: quantile(sorted, 0.5), p95Ms: quantile(sorted, 0.95) };
  });
  const base = arms.find((a) => a.applied.size === 0) ?? first;
  const firstObserved = [...first.observed.values()];
  return {
    arms: arms.map((a) => ({ runId: a.runId, rewriting: [...a.applied].sort() })),
    filters, rewriting, notRun, rows, latency, sweeps: thresholdSweeps(base, filters),
    multiTurnLeftOut: rows.some((r) => r.multiTurn === 0) ? first.multiTurn : 0,
    attempts: { malicious: firstObserved.filter((o) => o.persona === 'malicious').length, benign: firstObserved.filter((o) => o.persona === 'benign').length },
  };
}

/** One position's outcome under a configuration. */
type Entry = {
  readonly key: string;
  readonly goal: string;
  readonly persona: Persona;
  /** Malicious: the attack got through; benign: the user was refused or blocked. */
  readonly success: boolean;
  /** A layer of the configuration blocked it. */
  readonly blocked: boolean;
  /** Target tokens it spent under this configuration (none when a request-side layer stopped it first). */
  readonly usage: { readonly prompt: number; readonly completion: number } | undefined;
  /** It came from the configuration's own enforced run (a multi-turn attempt). */
  readonly multiTurn: boolean;
};

type ConfigurationOutcomes = { readonly runId: string; readonly enforcedRunId?: string; readonly entries: ReadonlyMap<string, Entry>; readonly price: ArmData['price'] };

/**
 * A configuration's outcome at each position: single-turn ones computed from the observed run with its rewriting
 * layers (its filters applied to the recorded decisions), multi-turn ones as its enforced run recorded them.
 */
function configurationOutcomes(input: { readonly arm: ArmData; readonly on: readonly string[]; readonly enforced: ArmData | undefined }): ConfigurationOutcomes {
  const { arm, on } = input;
  const entries = new Map<string, Entry>();
  const none = { prompt: 0, completion: 0 };
  for (const o of arm.observed.values()) {
    const blocked = on.some((l) => o.blockedBy.has(l));
    const stoppedFirst = [...o.blockedBy].some(([l, side]) => side === 'request' && on.includes(l));
    entries.set(o.key, {
      key: o.key, goal: o.goal, persona: o.persona, blocked, multiTurn: false,
      // Malicious: a block stops the attack. Benign: a block is a refusal the user gets, as a model's refusal is.
      success: o.persona === 'malicious' ? o.success && !blocked : o.success || blocked,
      usage: o.usage === undefined ? undefined : stoppedFirst ? none : o.usage,
    });
  }
  // Enforced, a block already is the application refusing: the recorded outcome is the configuration's.
  for (const o of input.enforced?.observed.values() ?? []) {
    entries.set(o.key, { key: o.key, goal: o.goal, persona: o.persona, success: o.success, blocked: o.blockedBy.size > 0, usage: o.usage, multiTurn: true });
  }
  return { runId: arm.runId, ...(input.enforced === undefined ? {} : { enforcedRunId: input.enforced.runId }), entries, price: arm.price };
}

/** Threshold sweeps of each scored filter alone, from the run with no rewriting layer applied (else the first). */
function thresholdSweeps(arm: ArmData, filters: readonly string[]): LayerAblation['sweeps'] {
  const observed = [...arm.observed.values()];
  return filters.flatMap((layer) => {
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
}
