import { describe, expect, it } from 'vitest';
import { mlScan } from '../src/api/ml-scan.js';
import { openStore } from '../src/api/open-store.js';
import { ConfigError, TargetError } from '../src/core/errors.js';
import type { ClassifierTarget } from '../src/core/ml.js';
import { demoDigitClassifier } from '../src/ml/demo/demo-digits.js';


/** The demo victim behind a wrapper that fails some calls, the way a real classifier service does. */
function flaky(options: { fail: (call: number) => TargetError | undefined }): ClassifierTarget & { calls: () => number } {
  const inner = demoDigitClassifier({ access: 'label' });
  let calls = 0;
  return {
    ...inner, id: 'flaky-digits',
    calls: () => calls,
    async classify(inputs, s) {
      calls += 1;
      const failure = options.fail(calls);
      if (failure) throw failure;
      return inner.classify(inputs, s);
    },
  };
}

const config = (attacks: unknown[], extra: Record<string, unknown> = {}) => ({
  target: { type: 'demo-digits', access: 'label' }, count: 4, attacks, seed: 7, retry: { maxRetries: 2, baseDelayMs: 1, maxDelayMs: 2 }, ...extra,
});

describe('redline ml scan (library)', () => {
  it('stores one attempt per attack × correctly classified sample, each decided by a confirmed label change within the bound', async () => {
    const store = openStore(':memory:');
    const result = await mlScan({ config: config([{ id: 'hop-skip-jump', budget: 1500 }]), store });
    expect(result.run.planned).toBe(4);
    const attempts = await store.attempts.page({ runId: result.run.id, afterSeq: -1, limit: 10 });
    expect(attempts).toHaveLength(4);
    for (const a of attempts) {
      const ml = a.events.find((e) => e.type === 'ml')!;
      expect(ml.queries).toBeLessThanOrEqual(1501);
      expect(a.scores[0]!.scorerId).toBe('ml-evasion');
    }
    const [hsj] = result.summary.attacks;
    expect(hsj!.success.n).toBe(4);
    expect(hsj!.curve.map((c) => c.queries)).toEqual([150, 300, 750, 1500]);
    await store.close();
  }, 60_000);

  it('lists a score-based attack against a label-only target as skipped, before sending, instead of a silent 0 %', async () => {
    const store = openStore(':memory:');
    const result = await mlScan({ config: config([{ id: 'simba' }, { id: 'hop-skip-jump', budget: 300 }]), store });
    expect(result.summary.attacks.map((a) => a.attack)).toEqual([expect.stringMatching(/^hop-skip-jump/)]);
    expect(result.summary.skipped).toContainEqual({ kind: 'scores-unavailable', reason: expect.stringContaining('simba reads class scores') });
    await store.close();
  }, 60_000);

  it('retries a classifier that answers 503 now and then: no attempt lost, retries recorded', async () => {
    const store = openStore(':memory:');
    const target = flaky({ fail: (call) => (call % 7 === 0 ? new TargetError('503', { targetId: 'flaky-digits', kind: 'http-503', retryable: true, status: 503 }) : undefined) });
    const result = await mlScan({ config: config([{ id: 'hop-skip-jump', budget: 400 }]), store, target });
    const attempts = await store.attempts.page({ runId: result.run.id, afterSeq: -1, limit: 10 });
    expect(attempts.map((a) => a.outcome).filter((o) => o === 'error')).toEqual([]);
    expect(attempts.reduce((n, a) => n + (a.measures?.retries ?? 0), 0)).toBeGreaterThan(0);
    await store.close();
  }, 60_000);

  it('records an attempt as an error when the classifier keeps failing (401), never as a failed attack', async () => {
    const store = openStore(':memory:');
    const target = flaky({ fail: (call) => (call > 1 ? new TargetError('401 Unauthorized', { targetId: 'flaky-digits', kind: 'http-401', retryable: false, status: 401 }) : undefined) });
    const result = await mlScan({ config: config([{ id: 'hop-skip-jump', budget: 400 }]), store, target });
    const [hsj] = result.summary.attacks;
    expect(hsj!.errors).toBe(4);
    expect(hsj!.success.n).toBe(0);
    const [first] = await store.attempts.page({ runId: result.run.id, afterSeq: -1, limit: 1 });
    expect(first!.error).toMatch(/http-401/);
    await store.close();
  }, 60_000);

  it('refuses, before any query, an unknown attack or a bad option, naming the path', async () => {
    await expect(mlScan({ config: config([{ id: 'hop-skip-jmp' }]), configFile: 'ml.yaml' })).rejects.toThrow(/attacks\[0\]\.id.*hop-skip-jump/s);
    const bad = mlScan({ config: config([{ id: 'simba', options: { step: 3 } }]), configFile: 'ml.yaml' });
    await expect(bad).rejects.toBeInstanceOf(ConfigError);
    await expect(mlScan({ config: config([{ id: 'simba', options: { step: 3 } }]), configFile: 'ml.yaml' })).rejects.toThrow(/attacks\[0\]\.options\.step/);
  });

  it('stops cleanly: the run is left interrupted and no half-done attempt is stored', async () => {
    const store = openStore(':memory:');
    const controller = new AbortController();
    const result = await mlScan({
      config: config([{ id: 'hop-skip-jump', budget: 3000 }], { concurrency: 1 }), store, signal: controller.signal,
      onProgress: (done) => { if (done === 1) controller.abort(); },
    });
    expect(result.interrupted).toBe(true);
    expect(result.run.status).toBe('interrupted');
    expect(await store.attempts.count(result.run.id)).toBe(1);
    await store.close();
  }, 60_000);
});

describe('the run\'s query budget', () => {
  it('stops the run when spent, abandoning the attempt it would overrun instead of recording a cut-short one', async () => {
    const store = openStore(':memory:');
    const result = await mlScan({ config: config([{ id: 'hop-skip-jump', budget: 1500 }], { concurrency: 1, budget: { queries: 2000 } }), store });
    expect(result.interrupted).toBe(true);
    expect(result.budgetSpent).toMatch(/budget of 2000 queries was spent after 1 of 4 attempts/);
    expect(await store.attempts.count(result.run.id)).toBe(1);
    await store.close();
  }, 60_000);
});

describe('redline ml scan on a tabular victim', () => {
  it('evades the demo iris classifier with label-only and score-based attacks within the default L2 bound', async () => {
    const store = openStore(':memory:');
    const result = await mlScan({
      config: { target: { type: 'demo-iris' }, samples: { dataset: 'iris' }, count: 20, seed: 3, attacks: [{ id: 'hop-skip-jump', budget: 2000 }, { id: 'simba', budget: 2000 }] },
      store,
    });
    const [hsj, simba] = result.summary.attacks;
    expect(hsj!.bound).toEqual({ norm: 'l2', epsilon: expect.closeTo(0.07 * 8 * 2, 6) });
    expect(hsj!.success.n).toBe(20);
    expect(hsj!.success.successes).toBeGreaterThanOrEqual(10);
    expect(simba!.success.n).toBe(20);
    await store.close();
  }, 60_000);
});
