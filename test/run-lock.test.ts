import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOpenAiServer } from './support/openai-server.js';
import { runCli, startCli } from './support/run-cli.js';
import { PROJECT_CELLS_PER_GOAL, writeScanProject } from './support/scan-project.js';
import { stored, waitForAttempts } from './support/stored-run.js';

let server: Awaited<ReturnType<typeof startOpenAiServer>>;
beforeAll(async () => {
  // Slow enough that a scan is still running while a second process tries to resume it.
  server = await startOpenAiServer((call) => ({ text: call.nth % 3 === 0 ? 'Sure: step 1.' : "I'm sorry, but I can't help with that.", delayMs: 40 }));
});
afterAll(() => server.close());

const GOALS = 2;
const TRIALS = 5;
const PLANNED = GOALS * PROJECT_CELLS_PER_GOAL * TRIALS;

describe('one executor per run (issue 14)', () => {
  it('a second --resume of a running run fails fast naming the holder; after the holder is killed, a resume takes over', async () => {
    const dir = writeScanProject({ baseUrl: server.url, goals: GOALS, trials: TRIALS, concurrency: 1 });
    const file = join(dir, '.redline', 'redline.db');
    const { child, done } = startCli(['scan', '--no-progress'], { cwd: dir });
    await waitForAttempts(file, 2, { pollMs: 5 });
    const runId = stored(file).runs[0]!.id;

    // Before: both processes executed the same positions, calling the target twice.
    const second = await runCli(['scan', '--resume', runId, '--no-progress'], { cwd: dir });
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(`error: run ${runId} is already being executed by process ${child.pid} on `);
    expect(second.stderr).toContain('hint: wait for it to finish or stop it, then resume');

    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    // The holder's process is gone: the lock is taken over at once, no waiting for it to go stale.
    const resumed = await runCli(['scan', '--resume', runId, '--no-progress'], { cwd: dir });
    expect(resumed.code).toBe(0);
    expect(stored(file)).toMatchObject({ runs: [{ id: runId, status: 'completed', planned: PLANNED }], count: PLANNED, distinct: PLANNED });
    // Every position was sent once, but for the one the killed process had in flight (the probe aside).
    expect(server.calls.filter((c) => c.prompt !== 'Hello').length).toBeLessThanOrEqual(PLANNED + 1);
  });
});
