import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { freshPostgresDatabase, postgresUrl, postgresUrlFromEnv } from '../../../test/support/services.js';
import type { Attempt } from '../../core/attempt.js';
import type { ComponentRef, ComponentSpec } from '../../core/component-ref.js';
import { StoreError } from '../../core/errors.js';
import type { Outcome } from '../../core/outcome.js';
import type { StoredRun } from '../../core/run.js';
import type { RunStore } from '../../core/run-store.js';
import { describeRunStoreConformance } from '../run-store-conformance.js';
import { migratePostgresStore, openPostgresStore, postgresLocation } from './index.js';

const serverUrl = postgresUrlFromEnv();
const databases: { drop: () => Promise<void> }[] = [];
afterAll(async () => {
  await Promise.all(databases.map((d) => d.drop()));
});

/** A fresh database on the test server, dropped when the file's tests end. */
async function freshUrl(): Promise<string> {
  const db = await freshPostgresDatabase(serverUrl!);
  databases.push(db);
  return db.url;
}

const ref = (kind: ComponentRef['kind'], id: string): ComponentRef => ({ kind, id, instance: id, hash: `${kind}-${id}`.replace(/[^a-z0-9-]/gi, '') });
const goal = ref('goal', 'g/a');
const technique = ref('technique', 'direct-request');
const chain = ref('chain', 'none');
const b64 = ref('chain', 'base64');
const scorer = ref('scorer', 'refusal');
const refs = [goal, technique, chain, b64, scorer];
const specs: ComponentSpec[] = refs.map((r) => ({ ...r, spec: r.kind === 'goal' ? { id: r.id, text: 'Goal A', category: 'cat', persona: 'malicious', source: 't' } : { id: r.id } }));

function runOf(planned: number): StoredRun {
  return {
    id: 'r-pg', targetId: 'demo:test', simulated: true, status: 'running', seed: 2 ** 40 + 7, planned, createdAt: 1_767_225_600_123, trials: 1, baseDir: '/tmp/x',
    redlineVersion: 'test', config: { target: { type: 'demo' } }, hashes: { target: 'th', goals: 'gh', techniques: {}, chains: {}, scorers: {} },
  };
}

function attemptOf(seq: number, outcome: Outcome, message = 'down'): Attempt {
  const base = { seq, trial: 0, goal, technique, chain: seq % 3 === 0 ? b64 : chain, category: 'cat', persona: 'malicious' as const, retries: 0, latencyMs: 1.5, startedAt: 1_767_225_600_000 + seq, finishedAt: 1_767_225_601_000 + seq };
  if (outcome === 'error') return { ...base, outcome, error: { kind: 'http-500', message }, events: [{ type: 'error', kind: 'http-500', message }] };
  return {
    ...base, outcome, decidedBy: scorer, usage: { promptTokens: 3, completionTokens: 4 },
    events: [
      { type: 'message', role: 'user', parts: [{ type: 'text', text: `prompt ${seq}` }] },
      { type: 'score', score: { scorerId: 'refusal', verdict: outcome === 'success' ? 'success' : 'failure', label: 'x', reason: 'r' }, deciding: true },
    ],
  };
}

async function seededStore(planned: number): Promise<{ url: string; store: RunStore; run: StoredRun }> {
  const url = await freshUrl();
  const store = await openPostgresStore(url);
  const run = runOf(planned);
  await store.runs.create({ run, components: specs });
  return { url, store, run };
}

async function caught(work: () => Promise<unknown>): Promise<unknown> {
  return work().then(() => undefined, (error: unknown) => error);
}

if (serverUrl === undefined) {
  describe('PostgreSQL store', () => {
    it('needs a PostgreSQL server (REDLINE_TEST_POSTGRES_URL)', (ctx) => {
      postgresUrl(ctx);
    });
  });
} else {
  describeRunStoreConformance('PostgreSQL', async () => openPostgresStore(await freshUrl()));

  describe('PostgreSQL store', () => {
    it('stores each plan position once when several processes write one run at the same time, and counts each once', async () => {
      const { url, store, run } = await seededStore(400);
      // Each store is a pool of its own: another process writing the same run.
      const others = await Promise.all([openPostgresStore(url), openPostgresStore(url)]);
      try {
        const outcomes: Outcome[] = ['success', 'failure', 'error', 'unscored'];
        // Overlapping ranges, each in its own shuffled order, with outcomes that differ between writers: whichever
        // commit stores a position first wins, and the tallies (several rows per writer batch) must count that one.
        const plans = [[0, 300, 0], [100, 400, 1], [50, 350, 2]].map(([from, to, shift], w) => {
          const seqs = [...Array(to! - from!).keys()].map((i) => i + from!);
          for (let i = seqs.length - 1; i > 0; i -= 1) {
            const j = (i * 7919 + w * 104729) % (i + 1);
            [seqs[i], seqs[j]] = [seqs[j]!, seqs[i]!];
          }
          return { seqs, shift: shift! };
        });
        const stores = [store, ...others];
        await Promise.all(plans.map(async ({ seqs, shift }, w) => {
          const writer = await stores[w]!.attempts.openWriter({ run, components: refs, batching: { size: [16, 7, 32][w]!, maxDelayMs: 1 } });
          for (const [i, seq] of seqs.entries()) {
            writer.record(attemptOf(seq, outcomes[(seq + shift) % 4]!));
            if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
          }
          await writer.flush();
        }));
        const records = await store.attempts.records({ runId: run.id, afterSeq: -1, limit: 1_000 });
        expect(records.map((r) => r.seq)).toEqual([...Array(400).keys()]);
        expect(await store.attempts.count(run.id)).toBe(400);
        const stored = { success: 0, failure: 0, error: 0, unscored: 0 };
        for (const r of records) stored[r.outcome] += 1;
        const cells = await store.aggregates.cells(run.id);
        const sum = (pick: (c: (typeof cells)[number]) => number) => cells.reduce((n, c) => n + pick(c), 0);
        expect({ success: sum((c) => c.success), failure: sum((c) => c.failure), error: sum((c) => c.error), unscored: sum((c) => c.unscored) }).toEqual(stored);
        expect(sum((c) => c.tokens!.prompt)).toBe(3 * (400 - stored.error));
        expect(await store.aggregates.detectors(run.id)).toEqual([
          { scorerId: 'refusal', persona: 'malicious', attempts: 400 - stored.error, hits: stored.success, hitsNotDeciding: 0, categories: stored.success > 0 ? ['cat'] : [] },
        ]);
        expect((await store.attempts.facets(run.id)).outcome.reduce((n, f) => n + f.count, 0)).toBe(400);
        // A writer opened now sees every position stored.
        const late = await others[0]!.attempts.openWriter({ run, components: refs });
        expect(late.recordedCount).toBe(400);
        expect(late.isRecorded(399)).toBe(true);
      } finally {
        await Promise.all(others.map((o) => o.close()));
        await store.close();
      }
    });

    it('reads bigint columns back as numbers', async () => {
      const { store, run } = await seededStore(4);
      try {
        expect(await store.runs.get(run.id)).toEqual(run);
        const writer = await store.attempts.openWriter({ run, components: refs });
        writer.record(attemptOf(1, 'success'));
        await writer.flush();
        expect(await store.attempts.lastFinishedAt(run.id)).toBe(1_767_225_601_001);
        expect(typeof (await store.attempts.count(run.id))).toBe('number');
      } finally {
        await store.close();
      }
    });

    it('keeps an error message with U+0000 (as U+FFFD) without failing the batch; the event log keeps it exactly', async () => {
      const { store, run } = await seededStore(4);
      try {
        const writer = await store.attempts.openWriter({ run, components: refs });
        writer.record(attemptOf(0, 'error', 'bad\u0000byte'));
        await writer.flush();
        const [record] = await store.attempts.records({ runId: run.id, afterSeq: -1, limit: 1 });
        expect(record!.error).toEqual({ kind: 'http-500', message: 'bad\uFFFDbyte' });
        expect(record!.events).toEqual([{ type: 'error', kind: 'http-500', message: 'bad\u0000byte' }]);
      } finally {
        await store.close();
      }
    });

    it('reads typed search text as words only: quotes, backslashes and tsquery operators neither fail nor match as syntax', async () => {
      const { store, run } = await seededStore(4);
      try {
        const writer = await store.attempts.openWriter({ run, components: refs });
        writer.record(attemptOf(1, 'success'));
        writer.record(attemptOf(2, 'failure'));
        await writer.flush();
        const seqs = async (text: string) => (await store.attempts.query({ runId: run.id, filter: { text }, limit: 10 })).map((a) => a.seq);
        expect(await seqs(`PROMPT' & !2 | '\\' <-> :*`)).toEqual([2]);
        expect(await seqs(`'); DROP TABLE attempts; --`)).toEqual([]);
        expect(await seqs('!!! & |')).toEqual([1, 2]);
      } finally {
        await store.close();
      }
    });

    it('reports a commit that failed in the background on the next flush() and record()', async () => {
      const { url, store, run } = await seededStore(8);
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      try {
        const writer = await store.attempts.openWriter({ run, components: refs, batching: { size: 1, maxDelayMs: 0 } });
        // Events of a type the table refuses: the transaction fails, nothing of the attempt is stored.
        await admin.query(`ALTER TABLE events ADD CONSTRAINT no_messages CHECK (type <> 'message')`);
        writer.record(attemptOf(0, 'success'));
        const failed = await caught(() => writer.flush());
        expect(failed).toBeInstanceOf(StoreError);
        expect((failed as StoreError).message).toMatch(/cannot record attempt 0 of run r-pg/);
        expect(() => writer.record(attemptOf(1, 'success'))).toThrow(StoreError);
        expect(await store.attempts.count(run.id)).toBe(0);
      } finally {
        await admin.end();
        await store.close();
      }
    });

    it('migrates once, however many processes open a new database at once, and a second migration does nothing', async () => {
      const url = await freshUrl();
      const stores = await Promise.all([...Array(6).keys()].map(() => openPostgresStore(url)));
      await Promise.all(stores.map((s) => s.close()));
      expect(await migratePostgresStore(url)).toEqual({ from: 1, to: 1 });
      const empty = await freshUrl();
      expect(await migratePostgresStore(empty)).toEqual({ from: 0, to: 1 });
      expect(await migratePostgresStore(empty)).toEqual({ from: 1, to: 1 });
    });

    it('refuses a database without the schema when it must exist, one newer than it understands, and one behind it when told not to migrate', async () => {
      const url = await freshUrl();
      const missing = await caught(() => openPostgresStore(url, { mustExist: true }));
      expect(missing).toBeInstanceOf(StoreError);
      expect((missing as StoreError).hint).toContain('redline store migrate');
      // Nothing was created: a migration starts from nothing.
      expect(await migratePostgresStore(url)).toEqual({ from: 0, to: 1 });
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query('UPDATE redline_schema SET version = 99');
      const newer = await caught(() => openPostgresStore(url));
      expect(newer).toBeInstanceOf(StoreError);
      expect((newer as StoreError).message).toContain('schema version 99');
      // A schema behind this Redline, opened without migrating, is refused with the same hint.
      await admin.query('UPDATE redline_schema SET version = 0');
      await admin.end();
      const behind = await caught(() => openPostgresStore(url, { migrate: false }));
      expect(behind).toBeInstanceOf(StoreError);
      expect((behind as StoreError).hint).toContain('redline store migrate');
    });

    it('never shows the password: the location drops it, and a wrong password, a refused port or a missing database is a StoreError with a hint', async () => {
      const secret = 'Zq9-not-the-password-7Yx';
      const url = new URL(await freshUrl());
      url.password = secret;
      expect(postgresLocation(url.toString())).toBe(url.toString().replace(`:${secret}@`, '@'));
      expect(postgresLocation('postgres://u:p%40ss@db.example:5433/x?password=also&sslmode=require')).toBe('postgres://u@db.example:5433/x?sslmode=require');
      const wrong = await caught(() => openPostgresStore(url.toString()));
      const refused = new URL(url);
      refused.port = '1';
      const down = await caught(() => openPostgresStore(refused.toString()));
      const absent = new URL(url);
      absent.password = new URL(serverUrl).password;
      absent.pathname = '/redline_no_such_database';
      const nodb = await caught(() => openPostgresStore(absent.toString()));
      for (const [error, hint] of [[wrong, /password/], [down, /running and reachable/], [nodb, /create the database/]] as const) {
        expect(error).toBeInstanceOf(StoreError);
        const e = error as StoreError;
        expect(e.hint).toMatch(hint);
        expect(e.file).not.toContain(secret);
        expect(e.file).toMatch(/^postgres:\/\/redline@127\.0\.0\.1:/);
        const everything = `${e.message} ${e.hint} ${e.file} ${String(e.cause)} ${JSON.stringify(e)} ${JSON.stringify(e.cause ?? null)}`;
        expect(everything).not.toContain(secret);
      }
      expect((nodb as StoreError).message).toContain('redline_no_such_database');
      // An open store's location has no password either.
      const store = await openPostgresStore(await freshUrl());
      expect(store.location).not.toMatch(/:[^/@]*@/);
      await store.close();
    });
  });
}
