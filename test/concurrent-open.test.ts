import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite/sqlite-run-store.js';

const OPEN_DATABASE = fileURLToPath(new URL('../dist/store/sqlite/open-database.js', import.meta.url));

/** Opens (creating and migrating) a database file in a separate process; resolves to its exit code and stderr. */
function openInProcess(file: string): Promise<{ code: number | null; stderr: string }> {
  const code = `import(${JSON.stringify(OPEN_DATABASE)}).then((m) => m.openDatabase(${JSON.stringify(file)}).close()).catch((e) => { process.stderr.write(e.message); process.exit(1); })`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-e', code], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (exit) => resolve({ code: exit, stderr }));
  });
}

describe('processes opening one new database at once', () => {
  it('all succeed and the schema is made once (a scan and redline serve starting together, two scans)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'redline-concurrent-open-'));
    for (let round = 0; round < 10; round += 1) {
      const file = join(dir, `r${round}.db`);
      const results = await Promise.all([0, 1, 2].map(() => openInProcess(file)));
      expect(results, `round ${round}`).toEqual([0, 1, 2].map(() => ({ code: 0, stderr: '' })));
      const store = openSqliteStore(file, { mustExist: true });
      expect(await store.runs.list()).toEqual([]);
      await store.close();
    }
  });
});
