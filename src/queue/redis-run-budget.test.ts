import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { redisUrl, uniqueName } from '../../test/support/services.js';
import type { RedlineError } from '../core/errors.js';
import { createRunBudget, type RunLimits } from '../engine/budget.js';
import { createRedisRunBudget, type RedisRunBudget } from './redis-run-budget.js';

const clients: Redis[] = [];
const budgets: RedisRunBudget[] = [];
afterEach(async () => {
  await Promise.all(budgets.splice(0).map((b) => b.close().catch(() => undefined)));
  await Promise.all(clients.splice(0).map((c) => c.quit().catch(() => undefined)));
});

/** Two workers' budgets for one run, each on its own connection. */
function twoWorkers(input: { url: string; limits: RunLimits; startedAt?: number; syncMs?: number }): [RedisRunBudget, RedisRunBudget] {
  const key = uniqueName('redline:test:budget');
  const make = (): RedisRunBudget => {
    const redis = new Redis(input.url);
    clients.push(redis);
    const budget = createRedisRunBudget({
      redis, key, limits: input.limits, startedAt: input.startedAt ?? Date.now(), syncMs: input.syncMs ?? 200,
      priceOf: (role, usage) => (role === 'judge' ? undefined : (usage.promptTokens + usage.completionTokens) * 0.001),
    });
    budgets.push(budget);
    return budget;
  };
  return [make(), make()];
}

describe('the shared (Redis) run budget', () => {
  it('tells a worker the run is spent once another worker spent it, after a sync', async (ctx) => {
    const url = redisUrl(ctx);
    if (!url) return;
    const [one, two] = twoWorkers({ url, limits: { tokens: 1_000 } });
    one.spend(600);
    expect(one.exhausted(Date.now())).toBeUndefined();
    expect(two.exhausted(Date.now())).toBeUndefined();
    two.spend(500);
    // Each counts its own spending at once, the other's only after a sync.
    expect(two.exhausted(Date.now())).toBeUndefined();
    await one.sync();
    await two.sync();
    expect(two.exhausted(Date.now())).toBe("the run's token budget (1000) is spent");
    await one.sync();
    expect(one.exhausted(Date.now())).toBe("the run's token budget (1000) is spent");
  });

  it('syncs in the background every syncMs', async (ctx) => {
    const url = redisUrl(ctx);
    if (!url) return;
    const [one, two] = twoWorkers({ url, limits: { tokens: 100 }, syncMs: 50 });
    one.spend(100);
    const deadline = Date.now() + 20_000;
    while (two.exhausted(Date.now()) === undefined && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(two.exhausted(Date.now())).toBe("the run's token budget (100) is spent");
  });

  it('counts dollars by the price function across workers, with the in-process wording', async (ctx) => {
    const url = redisUrl(ctx);
    if (!url) return;
    const [one, two] = twoWorkers({ url, limits: { usd: 1 } });
    const usage = { promptTokens: 300, completionTokens: 100 }; // $0.40 for an attacker or the target, unpriced for the judge
    one.spendUsage('attacker', usage);
    two.spendUsage('target', usage);
    two.spendUsage('judge', usage);
    await one.sync();
    await two.sync();
    await one.sync();
    expect(one.exhausted(Date.now())).toBeUndefined();
    one.spendUsage('target', { promptTokens: 150, completionTokens: 50 }); // $0.20 more: $1.00
    expect(one.exhausted(Date.now())).toBe("the run's cost budget ($1) is spent");
    const local = createRunBudget({ usd: 1 }, 0, () => 1);
    local.spendUsage('target', usage);
    expect(local.exhausted(0)).toBe(one.exhausted(Date.now()));
  });

  it('ends the run when its time is up', async (ctx) => {
    const url = redisUrl(ctx);
    if (!url) return;
    const startedAt = Date.now() - 5_000;
    const [one] = twoWorkers({ url, limits: { seconds: 10 }, startedAt });
    expect(one.exhausted(startedAt + 9_999)).toBeUndefined();
    expect(one.exhausted(startedAt + 10_000)).toBe("the run's time budget (10 s) is spent");
  });

  it('flushes on close, and keeps spending that could not be synced', async (ctx) => {
    const url = redisUrl(ctx);
    if (!url) return;
    const key = uniqueName('redline:test:budget');
    const offline = new Redis(url, { lazyConnect: true, enableOfflineQueue: false });
    offline.on('error', () => undefined); // the refused commands are what this test is about
    const errors: RedlineError[] = [];
    const failing = createRedisRunBudget({ redis: offline, key, limits: { tokens: 50 }, startedAt: Date.now(), onSyncError: (e) => errors.push(e) });
    failing.spend(60);
    await expect(failing.close()).rejects.toThrow(/the shared run budget could not sync/);
    expect(errors.length).toBeGreaterThan(0);
    expect(failing.exhausted(Date.now())).toBe("the run's token budget (50) is spent");
    offline.disconnect();

    const redis = new Redis(url);
    clients.push(redis);
    const closing = createRedisRunBudget({ redis, key, limits: {}, startedAt: Date.now(), syncMs: 60_000 });
    closing.spend(42);
    await closing.close();
    expect(await redis.hget(key, 'tokens')).toBe('42');
    expect(await redis.pttl(key)).toBeGreaterThan(0);
  });
});
