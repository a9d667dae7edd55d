import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../src/core/random.js';
import { startOpenAiServer } from './support/openai-server.js';
import { runCli, startCli } from './support/run-cli.js';
import { PROJECT_CELLS_PER_GOAL, writeScanProject } from './support/scan-project.js';
import { integrityCheck, openReader, readSnapshot, stored, waitForAttempts, type Snapshot } from './support/stored-run.js';

let server: Awaited<ReturnType<typeof startOpenAiServer>>;
beforeAll(async () => {
  // ~5 ms per call: a 60-attempt scan at concurrency 4 records an attempt every couple of milliseconds.
  server = await startOpenAiServer((call) => ({ text: call.nth % 3 === 0 ? 'Sure: step 1.' : "I'm sorry, but I can't help with that.", delayMs: 5 }));
});
afterAll(() => server.close());

const REPEATS = 20;
/** Repeats run two at a time: one per core. */
const PARALLEL = 2;
const GOALS = 2;
const TRIALS = 5;
const PLANNED = GOALS * PROJECT_CELLS_PER_GOAL * TRIALS;

/** What one kill -9 + resume repeat measured. */
type Repeat = { seed: number; killAfter: number; recordedAtKill: number; planned: number; recorded: number; distinct: number; integrity: string };

async function killAndResume(seed: number): Promise<Repeat> {
  // Kill once at least k attempts are recorded, k in [1, 85% of the plan] so the scan cannot finish first.
  const killAfter = 1 + Math.floor(seededRandom(seed)() * Math.floor(PLANNED * 0.85));
  const dir = writeScanProject({ baseUrl: server.url, goals: GOALS, trials: TRIALS, concurrency: 4 });
  const file = join(dir, '.redline', 'redline.db');
  const { child, done } = startCli(['scan', '--no-progress'], { cwd: dir });
  await waitForAttempts(file, killAfter, { pollMs: 1 });
  child.kill('SIGKILL');
  expect((await done).signal).toBe('SIGKILL');

  const before = stored(file);
  expect(before.runs).toMatchObject([{ status: 'running', planned: PLANNED }]);
  const resumed = await runCli(['scan', '--resume', before.runs[0]!.id, '--no-progress'], { cwd: dir });
  expect(resumed.stderr).toContain(`resuming: ${before.count} already recorded`);
  expect(resumed.code).toBe(0);

  const after = stored(file);
  expect(after.runs).toEqual([{ id: before.runs[0]!.id, status: 'completed', planned: PLANNED }]);
  const reader = openReader(file)!;
  const snapshot = readSnapshot(reader);
  const span = reader.prepare('SELECT MIN(seq) AS lo, MAX(seq) AS hi FROM attempts').get();
  reader.close();
  expect(snapshot.bare).toBe(0);
  expect(span).toEqual({ lo: 0, hi: PLANNED - 1 });
  return { seed, killAfter, recordedAtKill: before.count, planned: PLANNED, recorded: after.count, distinct: after.distinct, integrity: integrityCheck(file) };
}

describe('crash safety: kill -9 at random points, then --resume', () => {
  it(`${REPEATS} seeded kill points each resume to exactly the planned attempts, none duplicated, file intact`, async () => {
    const repeats: Repeat[] = [];
    for (let i = 0; i < REPEATS; i += PARALLEL) {
      const seeds = Array.from({ length: Math.min(PARALLEL, REPEATS - i) }, (_, j) => 1000 + i + j);
      repeats.push(...(await Promise.all(seeds.map(killAndResume))));
    }
    // The figures docs/reliability.md quotes.
    console.info(`kill -9 repeats (planned ${PLANNED} each):\n${repeats.map((r) => `seed ${r.seed}: kill after ≥${r.killAfter}, ${r.recordedAtKill} recorded at kill, ${r.recorded}/${r.planned} after resume`).join('\n')}`);
    for (const r of repeats) expect(r).toMatchObject({ recorded: PLANNED, distinct: PLANNED, integrity: 'ok' });
    expect(new Set(repeats.map((r) => r.killAfter)).size).toBeGreaterThan(REPEATS / 2);
    expect(repeats.some((r) => r.recordedAtKill < PLANNED / 3) && repeats.some((r) => r.recordedAtKill > PLANNED / 2)).toBe(true);
  // A hang detector, not a speed test: 40 CLI processes take minutes on a loaded shared machine.
  }, 300_000);
});

describe('a second process reading during a scan (WAL)', () => {
  it('sees attempt counts that never decrease and never an attempt without its turns and scores', async () => {
    const planned = 4 * PROJECT_CELLS_PER_GOAL * 5;
    const dir = writeScanProject({ baseUrl: server.url, goals: 4, trials: 5, concurrency: 4 });
    const file = join(dir, '.redline', 'redline.db');
    const { done } = startCli(['scan', '--no-progress'], { cwd: dir });
    let finished = false;
    void done.then(() => (finished = true));
    const reads: Snapshot[] = [];
    let reader = openReader(file);
    while (!finished) {
      reader ??= openReader(file);
      if (reader !== undefined) reads.push(readSnapshot(reader));
      await new Promise((r) => setTimeout(r, 1));
    }
    reader ??= openReader(file);
    reads.push(readSnapshot(reader!));
    reader!.close();
    expect((await done).code).toBe(0);

    const during = reads.filter((r) => r.attempts > 0 && r.attempts < planned);
    console.info(`WAL reader: ${reads.length} reads, ${during.length} mid-scan, ${new Set(during.map((r) => r.attempts)).size} distinct counts`);
    expect(during.length).toBeGreaterThan(5);
    reads.forEach((r, i) => {
      expect(r.attempts).toBeGreaterThanOrEqual(i === 0 ? 0 : reads[i - 1]!.attempts);
      // Single-turn attempts: one prompt and one response each, one refusal score each.
      expect(r).toEqual({ attempts: r.attempts, turns: 2 * r.attempts, scores: r.attempts, bare: 0 });
    });
    expect(reads.at(-1)!.attempts).toBe(planned);
    expect(integrityCheck(file)).toBe('ok');
  });
});
