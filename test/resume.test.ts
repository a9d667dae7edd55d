import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/store/open-database.js';
import { startOpenAiServer } from './support/openai-server.js';
import { runCli, startCli } from './support/run-cli.js';

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

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'redline-resume-'));
  writeFileSync(
    join(dir, 'redline.yaml'),
    [
      'target:',
      '  type: openai',
      `  baseUrl: ${server.url}/v1`,
      '  model: test-model',
      'goals:',
      ...Array.from({ length: GOALS }, (_, i) => `  - { id: g${i}, text: "Explain forbidden thing number ${i}.", category: test }`),
      'techniques: [direct-request, instruction-override, role-play]',
      'converters: [[], [rot13]]',
      `trials: ${TRIALS}`,
      'concurrency: 2',
      'scoring: { scorers: [refusal] }',
    ].join('\n'),
  );
  return dir;
}

async function waitForAttempts(file: string, atLeast: number): Promise<void> {
  for (let i = 0; i < 500; i += 1) {
    try {
      const db = openDatabase(file);
      const n = (db.prepare('SELECT COUNT(*) AS n FROM attempts').get() as { n: number }).n;
      db.close();
      if (n >= atLeast) return;
    } catch {
      // The scan may not have created the database yet.
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`fewer than ${atLeast} attempts were recorded in time`);
}

function stored(file: string): { runs: { id: string; status: string; planned: number }[]; count: number; distinct: number } {
  const db = openDatabase(file);
  try {
    return {
      runs: db.prepare('SELECT id, status, planned FROM runs').all() as { id: string; status: string; planned: number }[],
      count: (db.prepare('SELECT COUNT(*) AS n FROM attempts').get() as { n: number }).n,
      distinct: (db.prepare('SELECT COUNT(DISTINCT seq) AS n FROM attempts').get() as { n: number }).n,
    };
  } finally {
    db.close();
  }
}

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
    const db = openDatabase(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
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
});
