import type { Redis } from 'ioredis';
import { RedlineError } from '../core/errors.js';
import { runBudgetExhausted, type PriceOf, type RunBudget, type RunLimits } from '../engine/budget.js';

/** What a shared run budget needs. */
export type RedisRunBudgetInput = {
  /** An ioredis client; the caller owns it (and quits it, after `close`). */
  readonly redis: Redis;
  /** The run's key, e.g. 'redline:budget:<runId>': a hash of the tokens and dollars every worker has spent. */
  readonly key: string;
  /** The run's limits. */
  readonly limits: RunLimits;
  /** When the run started (ms since the epoch), for its time budget. */
  readonly startedAt: number;
  /** Prices a role's usage, for the cost budget. */
  readonly priceOf?: PriceOf;
  /** How often (ms) local spending is added to the shared totals and they are read back (default 200). */
  readonly syncMs?: number;
  /** How long (ms) the totals outlive the last sync (default 7 days): a run idle longer starts from zero. */
  readonly ttlMs?: number;
  /** Told of each failed background sync; the spending stays local and goes with the next sync. */
  readonly onSyncError?: (error: RedlineError) => void;
};

/** A run budget shared by every worker of a run; `sync` pushes and pulls now, `close` flushes and stops syncing. */
export type RedisRunBudget = RunBudget & {
  /** Adds this worker's unsynced spending to the shared totals and reads them back. */
  sync(): Promise<void>;
  /** Syncs a last time and stops the timer; rejects if that sync fails. */
  close(): Promise<void>;
};

type Spent = { tokens: number; usd: number };

const DEFAULT_SYNC_MS = 200;
const DEFAULT_TTL_MS = 7 * 24 * 3_600_000;

/**
 * A RunBudget whose spending is counted across every worker sharing `key`. `exhausted` is asked before every turn, so
 * it answers from a local view: the shared totals as of the last sync plus what this worker spent since. Every
 * `syncMs` the local spending goes to Redis (HINCRBY, HINCRBYFLOAT) and the totals of all workers come back; so a
 * worker learns of another's spending within about one interval, and a run may overshoot its budget by what the
 * workers spend in that time. Same limits and messages as `createRunBudget`.
 */
export function createRedisRunBudget(input: RedisRunBudgetInput): RedisRunBudget {
  const { redis, key, limits, priceOf } = input;
  const syncMs = input.syncMs ?? DEFAULT_SYNC_MS;
  const ttlMs = input.ttlMs ?? DEFAULT_TTL_MS;
  const local: Spent = { tokens: 0, usd: 0 };
  let sending: Spent = { tokens: 0, usd: 0 };
  let shared: Spent = { tokens: 0, usd: 0 };
  let chain: Promise<void> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  async function flush(): Promise<void> {
    // Tokens go by HINCRBY, whole; a fraction (an odd estimate) waits locally for the next sync.
    sending = { tokens: Math.trunc(local.tokens), usd: local.usd };
    local.tokens -= sending.tokens;
    local.usd -= sending.usd;
    try {
      const replies = await redis.multi()
        .hincrby(key, 'tokens', sending.tokens)
        .hincrbyfloat(key, 'usd', sending.usd)
        .pexpire(key, ttlMs)
        .exec();
      if (replies === null) throw new Error('the transaction was aborted');
      for (const [error] of replies) if (error) throw error;
      shared = { tokens: Number(replies[0]![1]), usd: Number(replies[1]![1]) };
    } catch (cause) {
      local.tokens += sending.tokens;
      local.usd += sending.usd;
      throw new RedlineError(`the shared run budget could not sync: ${cause instanceof Error ? cause.message : String(cause)}`, {
        hint: 'check that Redis is reachable from every worker', cause,
      });
    } finally {
      sending = { tokens: 0, usd: 0 };
    }
  }

  function sync(): Promise<void> {
    const mine = chain.then(flush);
    chain = mine.catch(() => undefined);
    return mine;
  }

  function schedule(): void {
    if (closed) return;
    timer = setTimeout(() => {
      sync().catch((error: RedlineError) => input.onSyncError?.(error)).finally(schedule);
    }, syncMs);
    timer.unref();
  }

  // Read the totals at once: a worker joining a run already spent should know before its first turn's answer.
  sync().catch((error: RedlineError) => input.onSyncError?.(error)).finally(schedule);

  return {
    spend: (n) => {
      local.tokens += n;
    },
    spendUsage: (role, usage) => {
      local.tokens += usage.promptTokens + usage.completionTokens;
      local.usd += priceOf?.(role, usage) ?? 0;
    },
    exhausted: (now) =>
      runBudgetExhausted({
        limits,
        spent: { tokens: shared.tokens + sending.tokens + local.tokens, usd: shared.usd + sending.usd + local.usd },
        startedAt: input.startedAt,
        now,
      }),
    sync,
    async close() {
      closed = true;
      clearTimeout(timer);
      await sync();
    },
  };
}
