// Times the dashboard as a user meets it: a real `redline serve` process over a stored run, pages fetched over HTTP
// on 127.0.0.1 (the time is the response time on loopback: server time plus well under a millisecond).
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';

/** One page's response times, ms. */
export type PageTiming = {
  /** What was asked. */
  readonly path: string;
  /** The first request (nothing cached yet for this page's run). */
  readonly firstMs: number;
  /** Median of five more. */
  readonly medianMs: number;
  /** Rows or bytes answered, to show the page was real. */
  readonly bytes: number;
};

/** What the dashboard bench measured. */
export type DashboardPages = {
  /** Attempts in the run. */
  readonly attempts: number;
  /** From start to the first answered request, ms. */
  readonly startMs: number;
  /** Each page. */
  readonly pages: readonly PageTiming[];
  /** The run page right after a label was given (its data recomputed), ms. */
  readonly runPageAfterLabelMs: number;
  /** The `serve` process's peak resident memory (VmHWM), MB. */
  readonly servePeakRssMb: number;
};

const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const TOKEN = 'bench-token-0123456789abcdef';

function get(input: { port: number; path: string; method?: string; body?: string }): Promise<{ status: number; body: string; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: input.port, path: input.path, method: input.method ?? 'GET',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json', 'x-redline-request': '1' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body, ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.end(input.body);
  });
}

async function ok(input: { port: number; path: string; method?: string; body?: string }): Promise<{ body: string; ms: number }> {
  const answer = await get(input);
  if (answer.status !== 200) throw new Error(`${input.method ?? 'GET'} ${input.path}: ${answer.status} ${answer.body.slice(0, 300)}`);
  return answer;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1]!;

function peakRssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
}

/** Starts `redline serve` over `file`, times the run page and filtered attempts pages, labels once, and stops it. */
export async function measureDashboardPages(input: { file: string; runId: string; attempts: number; log: (line: string) => void }): Promise<DashboardPages> {
  const started = performance.now();
  const child = spawn(process.execPath, [CLI, 'serve', '--db', input.file, '--port', '0'], { env: { ...process.env, REDLINE_SERVE_TOKEN: TOKEN }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let printed = '';
      child.stdout.on('data', (d: Buffer) => {
        printed += d.toString();
        const found = /open: http:\/\/127\.0\.0\.1:(\d+)\//.exec(printed);
        if (found) resolve(Number(found[1]));
      });
      child.on('exit', (code) => reject(new Error(`redline serve exited ${code}`)));
    });
    await ok({ port, path: '/assets/app.css' });
    const startMs = performance.now() - started;
    const run = `/runs/${encodeURIComponent(input.runId)}`;
    const paths = [
      '/',
      run,
      `${run}/attempts`,
      `${run}/attempts?outcome=error`,
      `${run}/attempts?technique=crescendo(maxTurns%3D5)&chain=base64&outcome=success`,
      `${run}/attempts?category=self-harm&reviewed=yes`,
      `${run}/attempts?q=instructions+however`,
      `${run}/attempts?q=instructions&outcome=success&persona=malicious`,
      `${run}/attempts?after=${Math.floor(input.attempts * 0.9)}`,
      `${run}/attempts/${Math.floor(input.attempts / 2)}`,
      `${run}/review`,
    ];
    const pages: PageTiming[] = [];
    for (const path of paths) {
      input.log(`  ${path}`);
      const first = await ok({ port, path });
      const again: number[] = [];
      for (let i = 0; i < 5; i += 1) again.push((await ok({ port, path })).ms);
      pages.push({ path, firstMs: first.ms, medianMs: median(again), bytes: first.body.length });
    }
    await ok({ port, path: `/api/runs/${encodeURIComponent(input.runId)}/attempts/7/label`, method: 'POST', body: JSON.stringify({ verdict: 'success', reviewer: 'bench' }) });
    const runPageAfterLabelMs = (await ok({ port, path: run })).ms;
    await ok({ port, path: `/api/runs/${encodeURIComponent(input.runId)}/attempts/7/label?reviewer=bench`, method: 'DELETE' });
    return { attempts: input.attempts, startMs, pages, runPageAfterLabelMs, servePeakRssMb: peakRssMb(child.pid!) };
  } finally {
    child.kill('SIGTERM');
  }
}

/** The measurement as report lines. */
export function dashboardPagesLines(d: DashboardPages): string[] {
  return [
    `redline serve over ${d.attempts} attempts: answering ${(d.startMs / 1000).toFixed(1)} s after start; peak RSS ${d.servePeakRssMb.toFixed(0)} MB`,
    '  page                                                              first ms  median ms (5 more)',
    ...d.pages.map((p) => `  ${p.path.replace(/^\/runs\/[^/]+/, 'RUN').padEnd(64)} ${p.firstMs.toFixed(0).padStart(8)}  ${p.medianMs.toFixed(0).padStart(9)}`),
    `  run page right after a label (recomputed)                        ${d.runPageAfterLabelMs.toFixed(0).padStart(8)}`,
  ];
}
