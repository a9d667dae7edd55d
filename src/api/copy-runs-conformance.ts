// The copy suite every pair of RunStore implementations must pass (test code: not part of the build).
import { describe, expect, it } from 'vitest';
import type { Attempt } from '../core/attempt.js';
import { StoreError } from '../core/errors.js';
import type { StoredRun } from '../core/run.js';
import type { RunStore } from '../core/run-store.js';
import { alreadyThere, copyRuns, type CopyProgress } from './copy-runs.js';
import { summarizeStoredRun } from './reports.js';
import { prepareReviewSample } from './review-sample.js';
import { scan } from './scan.js';

/** Opens a new, empty store; the suite closes what it opens. */
export type OpenStore = () => Promise<RunStore>;

/**
 * Two real demo scans in `store`: a finished run with labels by three reviewers (one review set after later labels,
 * so it is not the latest by time), an unnamed review and a sample of two draws; and a second run marked running.
 */
async function scannedRuns(store: RunStore): Promise<{ done: StoredRun; running: StoredRun }> {
  const scanned = async (seed: number) => (await scan({ store, reports: { json: false, html: false }, config: { trials: 2, seed } })).run;
  const done = await scanned(3);
  const running = await scanned(4);
  await store.runs.setStatus({ id: running.id, status: 'running', at: 0 });
  await prepareReviewSample(store, { runId: done.id, size: 6, now: 1_000 });
  await prepareReviewSample(store, { runId: done.id, size: 9, seed: 99, now: 2_000 });
  const [a, b, c] = (await store.reviews.sample(done.id)).map((item) => item.seq);
  await store.reviews.label({ runId: done.id, seq: a!, reviewer: 'ana', verdict: 'success', note: 'gave the steps', at: 10 });
  await store.reviews.label({ runId: done.id, seq: a!, reviewer: 'bo', verdict: 'failure', at: 11 });
  await store.reviews.set({ runId: done.id, seq: a!, review: { verdict: 'success', reviewer: 'cy', reviewedAt: 5 } });
  await store.reviews.label({ runId: done.id, seq: b!, reviewer: 'bo', verdict: 'failure', at: 12 });
  await store.reviews.set({ runId: done.id, seq: c!, review: { verdict: 'success', reviewedAt: 13 } });
  return { done: (await store.runs.get(done.id))!, running: (await store.runs.get(running.id))! };
}

// Every attempt as the writer took it, a page at a time.
async function allRecords(store: RunStore, runId: string): Promise<Attempt[]> {
  const records: Attempt[] = [];
  for (let page = await store.attempts.records({ runId, afterSeq: -1, limit: 100 }); page.length > 0;
    page = await store.attempts.records({ runId, afterSeq: page[page.length - 1]!.seq, limit: 100 })) records.push(...page);
  return records;
}

/** What a user can read of a run in a store: the record, summary, attempts (as written and as shown), components, reviews. */
async function readRun(store: RunStore, runId: string): Promise<Record<string, unknown>> {
  const run = await store.runs.require(runId);
  const labels = await store.reviews.labels(runId);
  const reviews = await Promise.all([...new Set(labels.map((l) => l.seq))].map(async (seq) => [seq, await store.reviews.get({ runId, seq })]));
  const byKey = (x: { kind: string; hash: string }, y: { kind: string; hash: string }) => `${x.kind}:${x.hash}`.localeCompare(`${y.kind}:${y.hash}`);
  return {
    run,
    summary: await summarizeStoredRun(store, run),
    records: await allRecords(store, runId),
    views: await store.attempts.page({ runId, afterSeq: -1, limit: run.planned }),
    components: (await store.components.specsOfRun(runId)).sort(byKey),
    labels,
    reviews,
    sample: await store.reviews.sample(runId),
  };
}

/**
 * Registers the copy suite for moving runs from stores `openFrom` gives to stores `openTo` gives (e.g. SQLite to
 * SQLite, SQLite to Postgres): what a user reads of a copied run equals what they read of the original.
 */
export function describeCopyConformance(name: string, openFrom: OpenStore, openTo: OpenStore): void {
  describe(`copying runs: ${name}`, () => {
    const withStores = async (use: (from: RunStore, to: RunStore, runs: { done: StoredRun; running: StoredRun }) => Promise<void>): Promise<void> => {
      const from = await openFrom();
      try {
        const runs = await scannedRuns(from);
        const to = await openTo();
        try {
          await use(from, to, runs);
        } finally {
          await to.close();
        }
      } finally {
        await from.close();
      }
    };

    it('copies every run exactly — record, summary, attempts with their events, components, labels, reviews, sample — and a second copy changes nothing', async () => {
      await withStores(async (from, to, { done, running }) => {
        const copies = await copyRuns({ from, to, pageSize: 7 });
        expect(copies.map((c) => c.runId)).toEqual([done.id, running.id]);
        const labels = (await from.reviews.labels(done.id)).length;
        expect(copies[0]).toEqual({ runId: done.id, created: true, copied: await from.attempts.count(done.id), skipped: 0, labels, sampled: 9, statusSet: true, status: 'completed' });
        expect(copies[1]!.warning).toMatch(new RegExp(`^run ${running.id} is still running in .*: copied as it is`));
        expect(copies[1]!.status).toBe('running');
        for (const run of [done, running]) expect(await readRun(to, run.id)).toEqual(await readRun(from, run.id));
        // The sample keeps each draw's seed and time.
        expect(new Set((await to.reviews.sample(done.id)).map((item) => `${item.seed}@${item.drawnAt}`))).toEqual(new Set([`${done.seed}@1000`, '99@2000']));

        const before = await readRun(to, done.id);
        const again = await copyRuns({ from, to });
        expect(again.every(alreadyThere)).toBe(true);
        expect(again[0]).toMatchObject({ copied: 0, skipped: await from.attempts.count(done.id), labels: 0, sampled: 0 });
        expect(await readRun(to, done.id)).toEqual(before);
      });
    });

    it('finishes an interrupted copy when run again, and the run is not shown as finished in between', async () => {
      await withStores(async (from, to, { done }) => {
        const stop = new AbortController();
        const seen: CopyProgress[] = [];
        const interrupted = copyRuns({ from, to, runIds: [done.id], pageSize: 5, signal: stop.signal, onProgress: (p) => (seen.push(p), stop.abort()) });
        await expect(interrupted).rejects.toMatchObject({ name: 'AbortError' });
        expect(seen).toEqual([{ runId: done.id, copied: 5, skipped: 0, total: await from.attempts.count(done.id) }]);
        expect(await to.attempts.count(done.id)).toBe(5);
        expect((await to.runs.get(done.id))!.status).toBe('interrupted');
        const [resumed] = await copyRuns({ from, to, runIds: [done.id], pageSize: 5 });
        expect(resumed).toMatchObject({ created: false, skipped: 5, copied: (await from.attempts.count(done.id)) - 5, statusSet: true });
        expect(await readRun(to, done.id)).toEqual(await readRun(from, done.id));
      });
    });

    it('refuses a run id the destination holds with other content, and an unknown run id, writing nothing', async () => {
      await withStores(async (from, to, { done, running }) => {
        await to.runs.create({ run: { ...done, seed: done.seed + 1 }, components: [] });
        const clash = await copyRuns({ from, to, runIds: [done.id] }).catch((error: unknown) => error);
        expect(clash).toBeInstanceOf(StoreError);
        expect((clash as StoreError).message).toMatch(new RegExp(`run ${done.id} in .* is not the run of that id in .*: its seed differs`));
        expect((clash as StoreError).hint).toMatch(/another run with the same id/);
        expect(await to.attempts.count(done.id)).toBe(0);

        const unknown = await copyRuns({ from, to, runIds: [running.id, 'r-none'] }).catch((error: unknown) => error);
        expect(unknown).toBeInstanceOf(StoreError);
        expect((unknown as StoreError).message).toMatch(/^no run with id r-none in /);
        expect((unknown as StoreError).hint).toContain('redline runs --db');
        expect(await to.runs.get(running.id)).toBeUndefined();
      });
    });
  });
}
