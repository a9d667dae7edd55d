import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM, systemChromium } from './support/system-chromium.js';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalServer, type LocalServer } from './support/local-server.js';
import { ACTIVE_ELEMENTS, hostileScan } from './support/hostile-run.js';
import { runCli } from './support/run-cli.js';

const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

/** Scans the hostile app and renders its HTML report; returns the report path. */
async function hostileReport(listener: string): Promise<{ file: string; runId: string }> {
  const { dir, runId } = await hostileScan(listener, closers);
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
const REPORT_ACTIVE = `script, link, svg:not(.ci):not(.chart), svg image, svg use, svg foreignObject, svg a, form, ${ACTIVE_ELEMENTS}`;

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
    active: document.querySelectorAll(${JSON.stringify(REPORT_ACTIVE)}).length,
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
