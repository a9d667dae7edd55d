import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite/sqlite-run-store.js';
import { rawRequest, serveDashboard, sessionCookie, type ServedDashboard } from './support/dashboard-server.js';
import { startOpenAiServer } from './support/openai-server.js';
import { startCli } from './support/run-cli.js';
import { writeScanProject } from './support/scan-project.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function served(cwd: string): Promise<ServedDashboard> {
  const dashboard = await serveDashboard({ cwd });
  closers.push(dashboard.close);
  return dashboard;
}

describe('redline serve: live progress and exports', () => {
  it('follows a scan that is still running, then exports exactly the filtered attempts as CSV and JSONL', async () => {
    // A slow target: goals with an even number complied with, the rest refused; 240 attempts 4 at a time take a few seconds.
    const comply = (prompt: string) => Number(/(\d+)\./.exec(prompt)?.[1] ?? 1) % 2 === 0;
    const server = await startOpenAiServer((call) => ({ text: comply(call.prompt) ? 'Sure, here are the steps: first, gather what you need, then follow them in order.' : "I can't help with that.", delayMs: 40 }));
    closers.push(server.close);
    const dir = writeScanProject({ baseUrl: server.url, goals: 20, trials: 2, concurrency: 4 });
    const scan = startCli(['scan', '--no-progress', '--no-reports'], { cwd: dir });
    closers.push(async () => {
      scan.child.kill('SIGTERM');
      await scan.done;
    });
    const db = join(dir, '.redline', 'redline.db');
    const store = await (async () => {
      for (;;) {
        if (existsSync(db)) {
          const opened = openSqliteStore(db, { mustExist: true });
          if ((await opened.runs.list()).length > 0) return opened;
          await opened.close();
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    closers.push(() => store.close());
    const [run] = await store.runs.list();
    const dashboard = await served(dir);
    const cookie = await sessionCookie(dashboard);
    const { port } = dashboard;
    const progress = async () => JSON.parse((await rawRequest({ port, path: `/api/runs/${run!.id}/progress`, headers: { cookie } })).body) as { recorded: number; planned: number; status: string };

    // While the scan runs: the runs page marks the row for live updates, and progress moves.
    const list = await rawRequest({ port, path: '/', headers: { cookie } });
    expect(list.body).toContain(`data-progress="${run!.id}"`);
    const early = await progress();
    expect(early).toMatchObject({ planned: 240, status: 'running' });
    await new Promise((r) => setTimeout(r, 700));
    const later = await progress();
    expect(later.recorded).toBeGreaterThan(early.recorded);
    const finished = await scan.done;
    expect(finished.code, finished.stderr).toBe(0);
    expect(await progress()).toEqual({ recorded: 240, planned: 240, status: 'completed' });

    // Exports carry exactly the filter's attempts, in plan order.
    const successes = (await store.attempts.query({ runId: run!.id, filter: { outcome: 'success', technique: 'role-play' }, limit: 1_000 })).map((a) => a.seq);
    expect(successes.length).toBeGreaterThan(0);
    const csv = await rawRequest({ port, path: `/runs/${run!.id}/attempts.csv?outcome=success&technique=role-play`, headers: { cookie } });
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toBe(`attachment; filename="${run!.id}-attempts.csv"`);
    const rows = csv.body.trim().split('\n');
    expect(rows[0]).toBe('run_id,seq,outcome,machine_outcome,review,technique,chain,category,persona,goal,trial,decided_by,error_kind,latency_ms,prompt,reply');
    expect(rows.slice(1).map((line) => Number(line.split(',')[1]))).toEqual(successes);
    const jsonl = await rawRequest({ port, path: `/runs/${run!.id}/attempts.jsonl?outcome=success&technique=role-play`, headers: { cookie } });
    const lines = jsonl.body.trim().split('\n').map((line) => JSON.parse(line) as { format: string; seq: number; outcome: string; events: unknown[] });
    expect(lines.map((l) => l.seq)).toEqual(successes);
    expect(new Set(lines.map((l) => `${l.format}:${l.outcome}`))).toEqual(new Set(['redline-attempt:success']));
    expect(lines.every((l) => l.events.length > 0)).toBe(true);
    // A malformed filter is a 400 naming the parameter, not a broken download.
    const bad = await rawRequest({ port, path: `/runs/${run!.id}/attempts.csv?outcome=won`, headers: { cookie } });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatch(/outcome must be one of success, failure, error, unscored/);
    expect((await rawRequest({ port, path: '/runs/r-none/attempts.jsonl', headers: { cookie } })).status).toBe(404);
  });
});
