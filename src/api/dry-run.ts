import { singleTurnRequest } from '../engine/single-turn-request.js';
import { costOf } from '../core/cost.js';
import { closePrepared } from './close-prepared.js';
import { priceFor } from './pricing.js';
import { prepareStart, type StartRunInput } from './start-run.js';

/** One technique × chain × category of a plan, before anything is sent. */
export type DryRunCell = {
  readonly technique: string;
  readonly chain: string;
  readonly category: string;
  readonly attempts: number;
  /** Prompt tokens the cell's first turns would send, estimated as characters / 4; null for a multi-turn technique. */
  readonly estimatedPromptTokens: number | null;
};

/** What a scan would run: its cells, sizes and a rough token estimate. Nothing is stored or sent. */
export type DryRun = {
  readonly planned: number;
  readonly cells: readonly DryRunCell[];
  /** Estimated prompt tokens of the single-turn attempts (characters / 4). */
  readonly estimatedPromptTokens: number;
  /** US dollars of those prompt tokens at the target's input price; null without a price. */
  readonly estimatedPromptUsd: number | null;
  /** Attempts of multi-turn techniques, whose size depends on the conversation. */
  readonly multiTurnAttempts: number;
  /** How many goals, techniques and chains the configuration named and the selection kept. */
  readonly kept: { readonly goals: number; readonly techniques: number; readonly chains: number };
  /** Goal × technique pairs and attempts the preflight skipped or adapted, by kind. */
  readonly preflight: readonly { readonly kind: string; readonly action: string; readonly attempts: number }[];
};

/** Plans a scan without storing or sending anything: `redline scan --dry-run`. */
export async function dryRun(input: StartRunInput): Promise<DryRun> {
  const start = await prepareStart(input);
  try {
    const { prepared, plan } = start;
    const price = priceFor(start.config, 'target');
    const cells = new Map<string, { technique: string; chain: string; category: string; attempts: number; tokens: number | null }>();
    const promptTokens = new Map<string, number | null>();
    let multiTurnAttempts = 0;
    for (const attempt of plan.attempts()) {
      const { technique } = prepared.resolver.technique(attempt.technique);
      const { chain } = prepared.resolver.chain(attempt.chain);
      const multi = technique.converse !== undefined;
      const pair = `${attempt.goal.hash}\u0000${attempt.technique.hash}\u0000${attempt.chain.hash}`;
      if (!promptTokens.has(pair)) {
        const request = multi ? undefined : singleTurnRequest({ goal: prepared.resolver.goal(attempt.goal), technique, chain });
        promptTokens.set(pair, request === undefined ? null : Math.ceil(request.messages.reduce((n, m) => n + m.content.length, 0) / 4));
      }
      const tokens = promptTokens.get(pair)!;
      if (multi) multiTurnAttempts += 1;
      const label = attempt.technique.instance;
      const key = `${label}\u0000${chain.id}\u0000${attempt.category}`;
      const cell = cells.get(key) ?? { technique: label, chain: chain.id, category: attempt.category, attempts: 0, tokens: multi ? null : 0 };
      cell.attempts += 1;
      if (cell.tokens !== null && tokens !== null) cell.tokens += tokens;
      cells.set(key, cell);
    }
    const rows = [...cells.values()].sort((a, b) => (a.technique + a.chain + a.category < b.technique + b.chain + b.category ? -1 : 1));
    return {
      planned: plan.size,
      cells: rows.map((c) => ({ technique: c.technique, chain: c.chain, category: c.category, attempts: c.attempts, estimatedPromptTokens: c.tokens })),
      estimatedPromptTokens: rows.reduce((n, c) => n + (c.tokens ?? 0), 0),
      estimatedPromptUsd: price === undefined ? null : costOf(price, { promptTokens: rows.reduce((n, c) => n + (c.tokens ?? 0), 0), completionTokens: 0 }),
      multiTurnAttempts,
      kept: { goals: prepared.goals.length, techniques: prepared.techniques.length, chains: prepared.chains.length },
      preflight: start.preflight.entries.filter((e) => e.kind !== 'not-applicable').map((e) => ({ kind: e.kind, action: e.action, attempts: e.attempts })),
    };
  } finally {
    void closePrepared(start.prepared);
  }
}
