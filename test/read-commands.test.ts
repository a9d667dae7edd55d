import { appendFileSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withStore } from '../src/api/open-store.js';
import { startRun } from '../src/api/start-run.js';
import { startOpenAiServer } from './support/openai-server.js';
import { runCli, startCli, type CliResult } from './support/run-cli.js';
import { writeScanProject } from './support/scan-project.js';
import { waitForAttempts } from './support/stored-run.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'redline-read-'));

describe('commands that read the database, pointed at a wrong path', () => {
  it('say the file does not exist, exit 3 and create nothing: runs, report, attempt, history, compare, review', async () => {
    const dir = tmp();
    const commands = [
      ['runs'], ['report', 'r-1'], ['attempt', 'r-1', '0'], ['history'], ['compare', 'r-1', 'r-2'], ['review', 'r-1', '0', '--outcome', 'failure'],
    ];
    for (const command of commands) {
      const result = await runCli([...command, '--db', 'typo/redline.db'], { cwd: dir });
      expect(result.code, command[0]).toBe(3);
      expect(result.stderr, command[0]).toMatch(new RegExp(`^error: database ${join(dir, 'typo', 'redline.db').replaceAll(/[\\/.]/g, '\\$&')} does not exist\nhint: check --db`));
    }
    expect(readdirSync(dir)).toEqual([]);
    // Without --db: the configuration's database (./.redline/redline.db by default) is not created either.
    expect((await runCli(['runs'], { cwd: dir })).code).toBe(3);
    expect(existsSync(join(dir, '.redline'))).toBe(false);
  });
});

let server: Awaited<ReturnType<typeof startOpenAiServer>>;
// One scan, done once: 3 goals × 3 techniques × 2 chains × 2 trials; every attempt at goal 0 is refused with HTTP 400.
let scanned: { dir: string; runId: string };
beforeAll(async () => {
  server = await startOpenAiServer((call) => (call.messages.some((m) => /(number|ahzore) 0\b/.test(m.content))
    ? { status: 400, body: '{"error":{"message":"bad request"}}' }
    : { text: "I'm sorry, but I can't help with that.", delayMs: 10 }));
  const dir = writeScanProject({ baseUrl: server.url, goals: 3, trials: 2, concurrency: 2 });
  // Goal 0 comes first in the plan: its errors alone must not stop the run.
  appendFileSync(join(dir, 'redline.yaml'), '\nerrorBudget: { stop: false }\n');
  const scan = await runCli(['scan', '--no-progress', '--no-reports'], { cwd: dir });
  expect(scan.code, scan.stderr).toBe(0);
  scanned = { dir, runId: /^run (r-\S+):/m.exec(scan.stderr)![1]! };
});
afterAll(() => server.close());

const runLine = (result: CliResult, runId: string): string => result.stdout.split('\n').find((line) => line.startsWith(runId)) ?? '';

describe('redline runs', () => {
  it('shows each run’s error rate beside its recorded/planned count, under a header', async () => {
    const runs = await runCli(['runs'], { cwd: scanned.dir });
    expect(runs.code).toBe(0);
    expect(runs.stdout).toMatch(/^run\s+created \(UTC\)\s+status\s+recorded\s+errors\s+target$/m);
    // 12 of the 36 attempts (every one at goal 0) ended in error.
    expect(runLine(runs, scanned.runId)).toMatch(/\scompleted\s+36\/36\s+33\.3%\s+openai:/);
  });

  it('lists a run whose process died as stale at once (its lock holder is gone), and a run executed in slices once it has recorded nothing for --stale-after minutes', async () => {
    const dir = writeScanProject({ baseUrl: server.url, goals: 3, trials: 20, concurrency: 1 });
    appendFileSync(join(dir, 'redline.yaml'), '\nerrorBudget: { stop: false }\n');
    const { child, done } = startCli(['scan', '--no-progress'], { cwd: dir });
    const db = join(dir, '.redline', 'redline.db');
    await waitForAttempts(db, 5);
    const live = await runCli(['runs'], { cwd: dir });
    const runId = live.stdout.split('\n')[1]!.split(' ')[0]!;
    expect(runLine(live, runId)).toMatch(/\srunning\s/);
    child.kill('SIGKILL');
    await done;
    const dead = await runCli(['runs'], { cwd: dir });
    expect(dead.code).toBe(0);
    expect(runLine(dead, runId)).toMatch(/\sstale\s/);
    expect(dead.stdout).toContain('stale: marked running, but its process is gone');

    // A run registered for workers (slices hold no lock), with nothing recorded yet.
    const sliced = await withStore(db, (store) => startRun(store, { config: { target: { type: 'demo' } }, baseDir: dir }));
    expect(runLine(await runCli(['runs'], { cwd: dir }), sliced.run.id)).toMatch(/\srunning\s/);
    await new Promise((r) => setTimeout(r, 700));
    const later = await runCli(['runs', '--stale-after', '0.01'], { cwd: dir });
    expect(runLine(later, sliced.run.id)).toMatch(/\sstale\s/);
    expect((await runCli(['runs', '--stale-after', 'soon'], { cwd: dir })).code).toBe(2);
  });
});

describe('redline attempt with a number outside the run', () => {
  it('says the valid range and exits 2; the last position in range is shown', async () => {
    const { dir, runId } = scanned;
    for (const args of [['attempt', runId, '36'], ['review', runId, '36', '--outcome', 'failure']]) {
      const result = await runCli(args, { cwd: dir });
      expect(result.code, args[0]).toBe(2);
      expect(result.stderr, args[0]).toContain(`error: run ${runId} has attempts 0–35; there is no attempt 36`);
    }
    const last = await runCli(['attempt', runId, '35'], { cwd: dir });
    expect(last.code).toBe(0);
    expect(last.stdout).toContain(`attempt 35 of ${runId}`);
  });
});
