import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiServer } from './support/openai-server.js';
import { runCli, startCli } from './support/run-cli.js';
import { writeScanProject } from './support/scan-project.js';
import { integrityCheck, stored, waitForAttempts } from './support/stored-run.js';

let server: Awaited<ReturnType<typeof startOpenAiServer>>;
beforeAll(async () => {
  // Slow enough that a scan takes a couple of seconds, so it can be stopped part-way.
  server = await startOpenAiServer((call) => ({ text: call.nth % 3 === 0 ? 'Sure: step 1.' : "I'm sorry, but I can't help with that.", delayMs: 25 }));
});
afterAll(() => server.close());

const GOALS = 3;
const TECHNIQUES = 3;
const CHAINS = 2;
const TRIALS = 6;
const PLANNED = GOALS * TECHNIQUES * CHAINS * TRIALS;

const project = (): string => writeScanProject({ baseUrl: server.url, goals: GOALS, trials: TRIALS, concurrency: 2 });

describe('interrupted scans resume without losing or duplicating attempts', () => {
  it('kill -9 part-way, then --resume: exactly goals × techniques × chains × trials attempts', async () => {
    const dir = project();
    const file = join(dir, '.redline', 'redline.db');
    const { child, done } = startCli(['scan', '--no-progress'], { cwd: dir });
    await waitForAttempts(file, 20);
    child.kill('SIGKILL');
    const killed = await done;
    expect(killed.signal).toBe('SIGKILL');

    const before = stored(file);
    expect(before.runs).toHaveLength(1);
    expect(before.runs[0]!.status).toBe('running');
    expect(before.count).toBeGreaterThanOrEqual(20);
    expect(before.count).toBeLessThan(PLANNED);

    const resumed = await runCli(['scan', '--resume', before.runs[0]!.id, '--no-progress'], { cwd: dir });
    expect(resumed.stderr).toContain(`resuming: ${before.count} already recorded`);
    expect(resumed.code).toBe(0);

    const after = stored(file);
    expect(after.runs).toEqual([{ id: before.runs[0]!.id, status: 'completed', planned: PLANNED }]);
    expect(after.count).toBe(PLANNED);
    expect(after.distinct).toBe(PLANNED);
    expect(integrityCheck(file)).toBe('ok');
  });

  it('Ctrl-C stops cleanly with exit 130, marks the run interrupted and tells how to resume', async () => {
    const dir = project();
    const file = join(dir, '.redline', 'redline.db');
    const { child, done } = startCli(['scan', '--no-progress'], { cwd: dir });
    await waitForAttempts(file, 10);
    child.kill('SIGINT');
    const result = await done;
    expect(result.code).toBe(130);
    const runId = stored(file).runs[0]!.id;
    expect(result.stderr).toContain(`redline scan --resume ${runId}`);
    expect(stored(file).runs[0]!.status).toBe('interrupted');

    const resumed = await runCli(['scan', '--resume', runId, '--no-progress'], { cwd: dir });
    expect(resumed.code).toBe(0);
    expect(stored(file)).toMatchObject({ count: PLANNED, distinct: PLANNED });
  });

  it('the printed resume command repeats --config and --db, so pasting it finishes the run', async () => {
    const dir = project();
    renameSync(join(dir, 'redline.yaml'), join(dir, 'bank scan.yaml'));
    mkdirSync(join(dir, 'stores'));
    const file = join(dir, 'stores', 'bank.db');
    const { child, done } = startCli(['scan', '--config', 'bank scan.yaml', '--db', 'stores/bank.db', '--no-progress'], { cwd: dir });
    await waitForAttempts(file, 10);
    child.kill('SIGINT');
    const stopped = await done;
    expect(stopped.code).toBe(130);
    const runId = stored(file).runs[0]!.id;
    const hint = stopped.stderr.match(/Resume it with: (.+)$/m)?.[1];
    expect(hint).toBe(`redline scan --resume ${runId} --config 'bank scan.yaml' --db stores/bank.db --no-progress`);

    // The hint's words, as a shell would split them.
    const words = [...hint!.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[1] ?? m[2]!);
    const resumed = await runCli(words.slice(1), { cwd: dir });
    expect(resumed.stderr).not.toContain('error:');
    expect(resumed.code).toBe(0);
    expect(stored(file)).toMatchObject({ count: PLANNED, distinct: PLANNED });
  });

  it('progress on resume counts on from the attempts already recorded, by outcome', async () => {
    const dir = project();
    const file = join(dir, '.redline', 'redline.db');
    const { child, done } = startCli(['scan', '--no-progress'], { cwd: dir });
    await waitForAttempts(file, 20);
    child.kill('SIGINT');
    await done;
    const before = stored(file);

    // Off a terminal, progress is a plain line; the last one is printed when the plan is done.
    const resumed = await runCli(['scan', '--resume', before.runs[0]!.id], { cwd: dir });
    expect(resumed.code).toBe(0);
    const last = [...resumed.stderr.matchAll(/^progress: (\d+)\/(\d+) .*succ (\d+)\s+fail (\d+)\s+err (\d+)\s+unsc (\d+)/gm)].at(-1);
    expect(last, resumed.stderr).toBeDefined();
    const [recorded, planned, ...tally] = last!.slice(1).map(Number);
    expect([recorded, planned]).toEqual([PLANNED, PLANNED]);
    // Every attempt of the run is in the tallies, the ones recorded before the resume included.
    expect(tally.reduce((a, b) => a + b, 0)).toBe(PLANNED);
  });
});
