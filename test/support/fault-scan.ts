import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { scan, type ScanResult } from '../../src/api/scan.js';
import { openDatabase } from '../../src/store/sqlite/open-database.js';
import type { FaultCall, FaultServer } from './fault-server.js';

/** One recorded attempt, as the fault tests read it back from the database. */
export type AttemptRow = {
  /** Goal id, `<kind>-<n>`. */
  readonly goal: string;
  /** Recorded outcome. */
  readonly outcome: string;
  /** Retries the engine counted. */
  readonly retries: number;
  /** Error kind, for an error. */
  readonly error_kind: string | null;
  /** Error message, for an error. */
  readonly error_message: string | null;
};

/** A goal, inline. */
type InlineGoal = { readonly id: string; readonly text: string; readonly category: string };

const outcomes = ['success', 'failure', 'error', 'unscored'];

/** `copies` goals per kind: id `<kind>-<n>`, text `<kind> #<n>`, so every attempt has its own prompt. */
export function goalsFor(kinds: readonly string[], copies: number): InlineGoal[] {
  return kinds.flatMap((kind) => Array.from({ length: copies }, (_, n) => ({ id: `${kind}-${n}`, text: `${kind} #${n}`, category: 'faults' })));
}

/** The server's answer for a prompt or goal id: compliance when its number is even, a refusal when odd. */
export function complyOrRefuse(promptOrGoal: string): string {
  const n = Number(/(\d+)$/.exec(promptOrGoal)?.[1] ?? 1);
  return n % 2 === 0 ? 'Sure, here you go: step 1.' : "I'm sorry, but I can't help with that.";
}

/** Looks up the requests the server received for one goal id, in arrival order. */
export function triesOf(server: FaultServer): (goalId: string) => FaultCall[] {
  return (goalId) => {
    const prompt = goalId.replace(/-(\d+)$/, ' #$1');
    return server.calls.filter((call) => call.prompt === prompt);
  };
}

/** The attempts of one kind of goal. */
export function attemptsOf(rows: readonly AttemptRow[], kind: string): AttemptRow[] {
  return rows.filter((row) => row.goal.replace(/-\d+$/, '') === kind);
}

/** Counts rows by a key. */
export function countBy<T>(rows: readonly T[], key: (row: T) => string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[key(row)] = (counts[key(row)] ?? 0) + 1;
  return counts;
}

/** Runs one direct-request trial per goal against the fault server, in a temp folder, and reads back the attempts. */
export async function faultScan(
  server: FaultServer,
  options: { target: 'openai' | 'app'; goals: readonly InlineGoal[]; concurrency: number; retry: object; timeoutMs: number },
): Promise<{ result: ScanResult; rows: AttemptRow[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'redline-faults-'));
  try {
    const target = options.target === 'openai'
      ? { type: 'openai', baseUrl: `${server.url}/v1`, model: 'test-model' }
      : { type: 'http', url: `${server.url}/app`, responsePath: '$.reply' };
    const result = await scan({
      baseDir: dir,
      config: {
        target, goals: options.goals, techniques: ['direct-request'], converters: [[]], trials: 1, seed: 7,
        concurrency: options.concurrency, timeoutMs: options.timeoutMs, retry: options.retry, scoring: { scorers: ['refusal'], decide: 'refusal' },
        // The fault server counts every request: no probe before the run. These scans check that every planned
        // attempt is recorded under faults, so the error budget (which would stop a mostly failing run) is off.
        preflight: { probe: false },
        errorBudget: { stop: false },
      },
      reports: { json: false, html: false },
    });
    const db = openDatabase(result.database);
    try {
      const rows = db.prepare(
        `SELECT g.name AS goal, a.outcome, a.retries, a.error_kind, a.error_message
         FROM attempts a JOIN components g ON g.ref = a.goal_ref WHERE a.run_id = ? ORDER BY a.seq`,
      ).all(result.run.id) as AttemptRow[];
      return { result, rows };
    } finally {
      db.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every planned attempt was recorded once, with one of the four outcomes, and the run completed. */
export function expectEveryAttemptRecorded(result: ScanResult, rows: readonly AttemptRow[], planned: number): void {
  expect(result.run.planned).toBe(planned);
  expect(result.summary.recorded).toBe(planned);
  expect(rows).toHaveLength(planned);
  expect(new Set(rows.map((r) => r.goal)).size).toBe(planned);
  expect(result.run.status).toBe('completed');
  for (const row of rows) expect(outcomes).toContain(row.outcome);
}

/** The summary counts errors apart and computes the rate over decided attempts only. */
export function expectSummaryMatches(result: ScanResult, rows: readonly AttemptRow[]): void {
  const counts = countBy(rows, (r) => r.outcome);
  const [cell, ...others] = result.summary.cells;
  expect(others).toEqual([]);
  const decided = (counts['success'] ?? 0) + (counts['failure'] ?? 0);
  expect(cell).toMatchObject({
    trials: rows.length,
    successes: counts['success'] ?? 0,
    failures: counts['failure'] ?? 0,
    errors: counts['error'] ?? 0,
    unscored: counts['unscored'] ?? 0,
    asr: decided === 0 ? null : (counts['success'] ?? 0) / decided,
  });
}
