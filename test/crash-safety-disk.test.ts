import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiServer } from './support/openai-server.js';
import { runCli, type CliResult } from './support/run-cli.js';
import { PROJECT_CELLS_PER_GOAL, writeScanProject } from './support/scan-project.js';
import { integrityCheck, stored } from './support/stored-run.js';

const run = (command: string, args: string[]): boolean => spawnSync(command, args, { stdio: 'ignore' }).status === 0;

/** True when `chattr +i` works here (it needs root and a filesystem with inode flags). */
function chattrWorks(): boolean {
  const file = join(mkdtempSync(join(tmpdir(), 'redline-chattr-')), 'probe');
  writeFileSync(file, '');
  return run('chattr', ['+i', file]) && run('chattr', ['-i', file]);
}

/** Mounts a tmpfs of `sizeKb` on a new folder, or returns undefined where mounting is not permitted. */
function mountTmpfs(sizeKb: number): string | undefined {
  const dir = mkdtempSync(join(tmpdir(), 'redline-tmpfs-'));
  return run('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir]) ? dir : undefined;
}

const CHATTR = chattrWorks();
const TMPFS = ((dir) => dir !== undefined && run('umount', [dir]))(mountTmpfs(64));

let server: Awaited<ReturnType<typeof startOpenAiServer>>;
let project: string;
const PLANNED = PROJECT_CELLS_PER_GOAL * 2;
beforeAll(async () => {
  server = await startOpenAiServer(() => ({ text: "I'm sorry, but I can't help with that." }));
  project = writeScanProject({ baseUrl: server.url, goals: 1, trials: 2, concurrency: 4 });
  expect((await runCli(['scan', '--no-progress'], { cwd: project })).code).toBe(0);
});
afterAll(() => server.close());

/** A copy of the project's database (one completed run) in `dir`; returns its path. */
function copyDatabase(dir: string): string {
  cpSync(join(project, '.redline', 'redline.db'), join(dir, 'redline.db'));
  return join(dir, 'redline.db');
}

/** The CLI failed as a store error should: exit 3, exactly one `error:` line and one `hint:` line. */
function expectStoreFailure(result: CliResult, expected: { error: RegExp; hint: RegExp }): void {
  const lines = result.stderr.split('\n');
  expect(result.code, result.stderr).toBe(3);
  expect(lines.filter((l) => l.startsWith('error:'))).toEqual([expect.stringMatching(expected.error)]);
  expect(lines.filter((l) => l.startsWith('hint:'))).toEqual([expect.stringMatching(expected.hint)]);
}

/** The database still holds exactly the completed run it started with, and passes integrity_check. */
function expectUntouched(file: string): void {
  expect(integrityCheck(file)).toBe('ok');
  expect(stored(file)).toMatchObject({ runs: [{ status: 'completed', planned: PLANNED }], count: PLANNED });
}

describe.skipIf(!CHATTR)('read-only databases (chattr +i; skipped: chattr +i is not available here)', () => {
  it('an immutable database file: clear error, exit 3, file unchanged', async () => {
    const file = copyDatabase(mkdtempSync(join(tmpdir(), 'redline-ro-')));
    run('chattr', ['+i', file]);
    try {
      const result = await runCli(['scan', '--no-progress', '--db', file], { cwd: project });
      expectStoreFailure(result, { error: /readonly database/, hint: /writable location/ });
    } finally {
      run('chattr', ['-i', file]);
    }
    expectUntouched(file);
  });

  it('an immutable folder (no -wal/-shm can be created): clear error, exit 3, file unchanged', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-ro-'));
    const file = copyDatabase(dir);
    run('chattr', ['+i', dir]);
    try {
      const result = await runCli(['scan', '--no-progress', '--db', file], { cwd: project });
      expectStoreFailure(result, { error: /unable to open database file/, hint: /writable/ });
    } finally {
      run('chattr', ['-i', dir]);
    }
    expectUntouched(file);
  });
});

describe.skipIf(!TMPFS)('full and read-only filesystems (a small tmpfs; skipped: mount is not permitted here)', () => {
  it('a read-only filesystem: clear error, exit 3, file unchanged', async () => {
    const dir = mountTmpfs(1024)!;
    try {
      const file = copyDatabase(dir);
      expect(run('mount', ['-o', 'remount,ro', dir])).toBe(true);
      const result = await runCli(['scan', '--no-progress', '--db', file], { cwd: project });
      expectStoreFailure(result, { error: /cannot open database|readonly/, hint: /writable/ });
      // Even reading a WAL database needs its -shm file, so check it once the filesystem is writable again.
      expect(run('mount', ['-o', 'remount,rw', dir])).toBe(true);
      expectUntouched(file);
    } finally {
      run('umount', [dir]);
    }
  });

  it('a disk that fills mid-scan: clear error, exit 3, database valid, and the run resumes once space is freed', async () => {
    const dir = mountTmpfs(1024)!;
    try {
      const file = copyDatabase(dir);
      // Leave 64 KB: room to register the new run, not to record its attempts.
      const df = spawnSync('df', ['-k', '--output=avail', dir], { encoding: 'utf8' }).stdout.trim().split('\n').at(-1)!;
      writeFileSync(join(dir, 'filler'), Buffer.alloc((Number(df) - 64) * 1024));
      const result = await runCli(['scan', '--no-progress', '--db', file], { cwd: project });
      expectStoreFailure(result, { error: /disk is full/, hint: /free some disk space/ });
      expect(integrityCheck(file)).toBe('ok');
      const failed = stored(file).runs.find((r) => r.status !== 'completed');
      expect(failed).toMatchObject({ status: 'failed', planned: PLANNED });

      rmSync(join(dir, 'filler'));
      const resumed = await runCli(['scan', '--resume', failed!.id, '--no-progress', '--db', file], { cwd: project });
      expect(resumed.code, resumed.stderr).toBe(0);
      expect(stored(file)).toMatchObject({ count: 2 * PLANNED });
      expect(stored(file).runs.map((r) => r.status)).toEqual(['completed', 'completed']);
      expect(integrityCheck(file)).toBe('ok');
    } finally {
      run('umount', [dir]);
    }
  });
});
