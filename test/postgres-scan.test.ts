import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../src/api/scan.js';
import { runCli } from './support/run-cli.js';
import { freshPostgresDatabase, postgresUrl } from './support/services.js';

const closers: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

describe('a local scan into a PostgreSQL store', () => {
  it('stores the run there, writes reports to the output folder, and every read command takes the URL without showing its password', async (ctx) => {
    const server = postgresUrl(ctx);
    if (server === undefined) return;
    const db = await freshPostgresDatabase(server);
    closers.push(db.drop);
    const password = new URL(db.url).password;
    const bare = new URL(db.url);
    bare.password = '';
    const cwd = mkdtempSync(join(tmpdir(), 'redline-pg-scan-'));
    const result = await scan({ baseDir: cwd, database: db.url, config: { trials: 1 } });
    expect(result.run.status).toBe('completed');
    // The test server's password may be a common word (the role's name): look for it where a URL would carry it.
    expect(result.database).not.toContain(`:${password}@`);
    expect(readdirSync(join(cwd, '.redline')).some((f) => f.endsWith('.html'))).toBe(true);
    expect(existsSync(join(cwd, 'postgres:'))).toBe(false);

    // The password comes from PGPASSWORD, as docs/distributed.md says; the URL on the command line has none.
    const env = { PGPASSWORD: password };
    const runs = await runCli(['runs', '--db', bare.toString()], { cwd, env });
    expect(runs.code, runs.stderr).toBe(0);
    expect(runs.stdout).toContain(result.run.id);
    const report = await runCli(['report', result.run.id, '--db', bare.toString(), '--format', 'json'], { cwd, env });
    expect(report.code, report.stderr).toBe(0);
    expect(JSON.parse(report.stdout)).toMatchObject({ runId: result.run.id, recorded: result.run.planned });
    const attempt = await runCli(['attempt', result.run.id, '0', '--db', bare.toString()], { cwd, env });
    expect(attempt.code, attempt.stderr).toBe(0);
    for (const out of [runs, report, attempt]) expect(`${out.stdout}${out.stderr}`).not.toContain(`:${password}@`);
    // A wrong password is a store error (exit 3) that does not echo it.
    const wrong = await runCli(['runs', '--db', bare.toString()], { cwd, env: { PGPASSWORD: 'not-the-password-123' } });
    expect(wrong.code).toBe(3);
    expect(wrong.stderr).not.toContain('not-the-password-123');
  }, 120_000);

  it('refuses a store URL with a password in the configuration, which is stored with every run', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'redline-pg-config-'));
    await expect(scan({ baseDir: cwd, config: { store: 'postgres://redline:s3cret-value@127.0.0.1:5432/redline' } })).rejects.toThrow(/PGPASSWORD/);
    await expect(scan({ baseDir: cwd, config: { store: '/tmp/file.db' } })).rejects.toThrow(/postgres:\/\/ URL/);
    expect(existsSync(join(cwd, '.redline'))).toBe(false);
  });
});
