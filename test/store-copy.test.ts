import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withStore } from '../src/api/open-store.js';
import { prepareReviewSample } from '../src/api/review-sample.js';
import { scan } from '../src/api/scan.js';
import { migrations } from '../src/store/sqlite/migrations.js';
import { runCli } from './support/run-cli.js';

let source: { dir: string; database: string; runId: string; attempts: number };
// One demo scan in a.db, with a review sample and two reviewers' labels.
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'redline-store-copy-'));
  const database = join(dir, 'a.db');
  const { run } = await scan({ baseDir: dir, database, reports: { json: false, html: false }, config: { trials: 1, seed: 5 } });
  const attempts = await withStore(database, async (store) => {
    const sample = await prepareReviewSample(store, { runId: run.id, size: 4, now: 1_000 });
    await store.reviews.label({ runId: run.id, seq: sample.items[0]!.seq, reviewer: 'ana', verdict: 'success', at: 10 });
    await store.reviews.label({ runId: run.id, seq: sample.items[0]!.seq, reviewer: 'bo', verdict: 'failure', note: 'only a refusal', at: 11 });
    return store.attempts.count(run.id);
  });
  source = { dir, database, runId: run.id, attempts };
});

describe('redline store copy', () => {
  it('copies a run into a new store, where `runs` and `report` read it as in the source; a second copy says it is already there', async () => {
    const { dir, runId, attempts } = source;
    const copy = await runCli(['store', 'copy', 'a.db', 'sub/b.db'], { cwd: dir });
    expect(copy.stderr).toBe('');
    expect(copy.code).toBe(0);
    expect(copy.stdout).toBe(`run ${runId} (completed): copied ${attempts} attempts, 2 labels, 4 sample items → ${join(dir, 'sub', 'b.db')}\n`);

    const runs = await runCli(['runs', '--db', 'sub/b.db'], { cwd: dir });
    expect(runs.code).toBe(0);
    expect(runs.stdout).toMatch(new RegExp(`^${runId}\\s.*\\scompleted\\s+${attempts}/${attempts}\\s`, 'm'));
    const report = async (db: string) => JSON.parse((await runCli(['report', runId, '--db', db, '--format', 'json'], { cwd: dir })).stdout) as unknown;
    expect(await report('sub/b.db')).toEqual(await report('a.db'));
    expect(await report('sub/b.db')).toMatchObject({ reviewSample: { drawn: 4, labeled: 1 } });

    const again = await runCli(['store', 'copy', 'a.db', 'sub/b.db', '--json'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toEqual({
      from: join(dir, 'a.db'), to: join(dir, 'sub', 'b.db'),
      runs: [{ runId, created: false, copied: 0, skipped: attempts, labels: 0, sampled: 0, statusSet: false, status: 'completed' }],
    });
    const text = await runCli(['store', 'copy', 'a.db', 'sub/b.db', '--run', runId], { cwd: dir });
    expect(text.stdout).toBe(`run ${runId} (completed): already there (${attempts} attempts) → ${join(dir, 'sub', 'b.db')}\n`);
  });

  it('exits 3 for an unknown run id or a missing source, and creates nothing; exits 2 when both name one store', async () => {
    const { dir } = source;
    const unknown = await runCli(['store', 'copy', 'a.db', 'c.db', '--run', 'r-none'], { cwd: dir });
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toBe(`error: no run with id r-none in ${join(dir, 'a.db')}\nhint: list the stored runs with \`redline runs --db ${join(dir, 'a.db')}\`\n`);
    expect(existsSync(join(dir, 'c.db'))).toBe(false);
    const missing = await runCli(['store', 'copy', 'typo.db', 'd.db'], { cwd: dir });
    expect(missing.code).toBe(3);
    expect(missing.stderr).toMatch(/^error: store .*typo\.db does not exist\nhint: name an existing SQLite file as <from>/);
    expect(existsSync(join(dir, 'typo.db'))).toBe(false);
    expect(existsSync(join(dir, 'd.db'))).toBe(false);
    const same = await runCli(['store', 'copy', 'a.db', './a.db'], { cwd: dir });
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/^error: <from> and <to> are the same store/);
  });
});

describe('redline store migrate', () => {
  it('brings a database with no schema yet to the current one and prints both versions; a current one is left as it is', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-store-migrate-'));
    // An empty file is a SQLite database at schema version 0 (older schemas are migrated in src/store/sqlite's tests).
    writeFileSync(join(dir, 'old.db'), '');
    const latest = migrations.at(-1)!.version;
    const first = await runCli(['store', 'migrate', 'old.db'], { cwd: dir });
    expect(first.code).toBe(0);
    expect(first.stdout).toBe(`store ${join(dir, 'old.db')}: schema version 0 → ${latest} (migrated)\n`);
    const second = await runCli(['store', 'migrate', 'old.db'], { cwd: dir });
    expect(second.stdout).toBe(`store ${join(dir, 'old.db')}: schema version ${latest}, already up to date\n`);
    const missing = await runCli(['store', 'migrate', 'none.db'], { cwd: dir });
    expect(missing.code).toBe(3);
    expect(existsSync(join(dir, 'none.db'))).toBe(false);
  });
});
