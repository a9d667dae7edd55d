import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runDefense } from '../src/api/defend.js';
import type { AblationRow } from '../src/api/layer-ablation.js';
import { validateConfig } from '../src/config/load-config.js';
import type { RunStore } from '../src/core/run-store.js';
import { openSqliteStore } from '../src/store/sqlite/sqlite-run-store.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** What the demo knew about one position of one run: its true success probability there, and which layers would block it. */
type Truth = { readonly persona: string; readonly probability: number; readonly blockedBy: ReadonlySet<string> };

async function truthOf(store: RunStore, runId: string): Promise<Map<string, Truth>> {
  const out = new Map<string, Truth>();
  for (const item of await store.attempts.query({ runId, filter: {}, limit: 10_000 })) {
    const view = (await store.attempts.get({ runId, seq: item.seq }))!;
    if (view.outcome !== 'success' && view.outcome !== 'failure') continue;
    const call = view.events.find((e) => e.type === 'target-call' && e.model === undefined && e.metadata?.['demoProbability'] !== undefined);
    const probability = call?.type === 'target-call' ? Number(call.metadata!['demoProbability']) : Number.NaN;
    const blockedBy = new Set(view.events.flatMap((e) => (e.type === 'layer' && e.decision === 'block' ? [e.layer] : [])));
    out.set(`${view.goalId}|${view.technique}|${view.chainId}|${view.trial}`, { persona: view.persona, probability, blockedBy });
  }
  return out;
}

/**
 * A configuration's true rate at each position, given the plan: an attack gets through with the demo's probability
 * unless a filter of the configuration blocks it; an ordinary user is refused when blocked, else with the demo's
 * probability of a wrong refusal.
 */
function truePerPosition(truths: ReadonlyMap<string, Truth>, row: AblationRow, persona: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const [key, t] of truths) {
    if (t.persona !== persona) continue;
    const blocked = row.layers.some((l) => t.blockedBy.has(l));
    out.set(key, persona === 'malicious' ? (blocked ? 0 : t.probability) : blocked ? 1 : t.probability);
  }
  return out;
}

const SEEDS = 20;

/** Runs `redline defend`'s scans of the low-defense demo behind `layers`, in a fresh store. */
async function defendDemo(input: { layers: readonly Record<string, unknown>[]; techniques: readonly string[]; trials: number; seed?: number; onScan?: (scan: { what: string }) => void }) {
  const dir = mkdtempSync(join(tmpdir(), 'redline-defense-truth-'));
  const store = openSqliteStore(join(dir, 'redline.db'));
  closers.push(() => store.close());
  const config = validateConfig({
    target: { type: 'guarded', inner: { type: 'demo', defense: 'low' }, layers: input.layers },
    techniques: input.techniques,
    converters: [[]],
    trials: input.trials,
    ...(input.seed === undefined ? {} : { seed: input.seed }),
    scoring: { scorers: ['refusal'], decide: 'refusal' },
    preflight: { probe: false },
  }, '<test>');
  const result = await runDefense({ config, configFile: '<test>', baseDir: dir, env: {}, store, ...(input.onScan === undefined ? {} : { onScan: input.onScan }) });
  if ('stopped' in result) throw new Error(result.stopped);
  return { store, ablation: result.ablation };
}

const mean = (values: Iterable<number>): number => {
  const list = [...values];
  return list.reduce((a, b) => a + b, 0) / list.length;
};

describe('defense ablation against the demo target, whose layers have known true effects', () => {
  it('each configuration’s interval, and each paired difference’s, covers the truth (20 seeded ablations)', async () => {
    const misses: string[] = [];
    let checks = 0;
    for (let seed = 1; seed <= SEEDS; seed += 1) {
      const { store, ablation } = await defendDemo({
        layers: [
          { id: 'input-classifier', classifier: 'injection-detector', threshold: 0.9 },
          { id: 'spotlight', mode: 'datamark' },
          { id: 'metaprompt', sandwich: true },
        ],
        techniques: ['direct-request', 'role-play', 'instruction-override', 'xpia-email', 'xpia-retrieved-doc'],
        trials: 6,
        seed,
      });
      expect(ablation.arms).toHaveLength(4);
      expect(ablation.notRun).toEqual([]);
      const truths = new Map<string, Map<string, Truth>>();
      for (const arm of ablation.arms) truths.set(arm.runId, await truthOf(store, arm.runId));
      const byName = new Map(ablation.rows.map((r) => [r.name, r]));
      // Configurations whose filters block nothing more give the same estimate from the same attempts: judged once.
      const judged = new Set<string>();
      const check = (what: string, truth: number, interval: { low: number | null; high: number | null }) => {
        const same = `${truth}|${interval.low}|${interval.high}`;
        if (judged.has(same)) return;
        judged.add(same);
        checks += 1;
        if (!(interval.low! <= truth + 1e-12 && truth - 1e-12 <= interval.high!)) misses.push(`seed ${seed}, ${what}: truth ${truth.toFixed(4)} outside [${interval.low}, ${interval.high}]`);
      };
      for (const row of ablation.rows) {
        const mine = truths.get(row.runId)!;
        for (const persona of ['malicious', 'benign'] as const) {
          const here = truePerPosition(mine, row, persona);
          expect([...here.values()].every(Number.isFinite)).toBe(true);
          check(`${row.name} ${persona} rate`, mean(here.values()), persona === 'malicious' ? row.attack : row.benignRefused);
          if (row.paired === null) continue;
          const neighbour = byName.get(row.paired.against)!;
          const there = truePerPosition(truths.get(neighbour.runId)!, neighbour, persona);
          const difference = mean([...here].map(([key, p]) => p - there.get(key)!));
          check(`${row.name} vs ${neighbour.name} ${persona} difference`, difference, persona === 'malicious' ? row.paired.attack : row.paired.benignRefused);
        }
      }
      // The layers do what the demo says they do: each alone lowers attack success.
      for (const layer of ['input-classifier', 'spotlight', 'metaprompt']) {
        expect(ablation.rows.find((r) => r.name.startsWith(`only ${layer}`))!.paired!.attack.difference!).toBeLessThan(0);
      }
    }
    // 95% intervals: at most 5% may miss (Wilson and the clustered paired interval are conservative for a plan's
    // mixture of probabilities, so the truth is covered more often than that).
    console.info(`defense ablation vs the demo's truth: ${checks - misses.length} of ${checks} intervals cover it`);
    expect(misses.length / checks, misses.join('\n')).toBeLessThanOrEqual(0.05);
  });

  it('re-runs multi-turn attacks once per configuration, enforcing it, and pairs them with the computed single-turn ones', async () => {
    const scans: string[] = [];
    const { store, ablation } = await defendDemo({
      layers: [
        { id: 'input-classifier', classifier: 'injection-detector', threshold: 0.9 },
        { id: 'conversation-limit', maxTurns: 2 },
        { id: 'metaprompt' },
      ],
      techniques: ['direct-request', 'context-building'],
      trials: 3,
      onScan: ({ what }) => scans.push(what),
    });
    // Two observed scans (with and without the metaprompt), then one enforced scan per configuration of the table.
    expect(ablation.arms).toHaveLength(2);
    expect(scans).toHaveLength(2 + ablation.rows.length);
    expect(scans.slice(2).every((what) => what.endsWith('enforced, multi-turn techniques only (context-building)'))).toBe(true);
    expect(ablation.multiTurnLeftOut).toBe(0);
    for (const row of ablation.rows) {
      expect(row.multiTurn).toBeGreaterThan(0);
      expect(row.enforcedRunId).toBeDefined();
      const enforced = await store.runs.require(row.enforcedRunId!);
      const target = (enforced.config as { target: { type: string; mode?: string } }).target;
      expect(row.name === 'none' ? target.type : target.mode).toBe(row.name === 'none' ? 'demo' : 'enforce');
    }
    // A limit of two turns stops the later turns of every context-building conversation: it only acts on multi-turn attacks.
    const limit = ablation.rows.find((r) => r.name.startsWith('only conversation-limit'))!;
    expect(limit.paired!.attack.difference!).toBeLessThan(0);
    expect(limit.falseBlock.count).toBe(0);
  });
});
