import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../src/store/sqlite/sqlite-run-store.js';
import { serveDashboard, type ServedDashboard } from './support/dashboard-server.js';
import { ACTIVE_ELEMENTS, hostileScan, MARK } from './support/hostile-run.js';
import { startLocalServer, type LocalServer } from './support/local-server.js';
import { runCli } from './support/run-cli.js';
import { CHROMIUM, systemChromium } from './support/system-chromium.js';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
/** Screenshots of each page, for a person to look at (CI keeps them as artifacts). */
const SHOTS = join(process.cwd(), 'test-results', 'screenshots');

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function launch(): Promise<Browser> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  closers.push(() => browser.close());
  return browser;
}

async function served(cwd: string, args: readonly string[] = []): Promise<ServedDashboard> {
  const dashboard = await serveDashboard({ cwd, args });
  closers.push(dashboard.close);
  return dashboard;
}

/** Every request the page made that did not go to the dashboard itself. */
function elsewhere(page: Page, origin: string): string[] {
  const seen: string[] = [];
  page.context().on('request', (request) => {
    if (!request.url().startsWith(`${origin}/`)) seen.push(request.url());
  });
  return seen;
}

/** Waits until the page script has run (it adds the reviewer field), so keys reach it. */
const scripted = (page: Page) => page.locator('nav.top input[name=reviewer]').waitFor();

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `dashboard-${name}.png`), fullPage: false });

describe('redline serve in a real browser', () => {
  it('opens with the token, filters, pages, opens an attempt, labels three from the keyboard, sees the corrected rate move, and compares two runs', async (ctx) => {
    if (systemChromium(ctx) === undefined) return;
    mkdirSync(SHOTS, { recursive: true });
    const dir = mkdtempSync(join(tmpdir(), 'redline-dashboard-'));
    const runIds: string[] = [];
    for (const seed of ['1', '2']) {
      const scanned = await runCli(['scan', '--no-progress', '--no-reports', '--seed', seed], { cwd: dir });
      expect(scanned.code, scanned.stderr).toBe(0);
      runIds.push(/run (r-\S+):/.exec(scanned.stderr)![1]!);
    }
    const [runA, runB] = runIds as [string, string];
    // Draw a review sample of three in run B, label nothing yet ('q' quits at once).
    const drawn = await runCli(['review', runB, '--sample', '3'], { cwd: dir, input: 'q\n' });
    expect(drawn.code, drawn.stderr).toBe(0);
    const dashboard = await served(dir, ['--reviewer', 'tester']);
    const browser = await launch();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const away = elsewhere(page, dashboard.origin);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));

    // Runs: the printed URL logs in and lands on the list, token gone from the address bar.
    await page.goto(dashboard.url);
    expect(page.url()).toBe(`${dashboard.origin}/`);
    expect(await page.locator('#runs tbody tr').count()).toBe(2);
    expect(await page.locator('#runs').innerText()).toMatch(/\d+\.\d% \[\d+\.\d–\d+\.\d\]/);
    await shot(page, 'runs');

    // Run: the report's run page, framed, with links onward.
    await page.click(`a[href="/runs/${runB}"]`);
    await expect.poll(() => page.url()).toBe(`${dashboard.origin}/runs/${runB}`);
    expect(await page.locator('main').innerText()).toMatch(/attack success rate/i);
    await shot(page, 'run');

    // Attempts: filter by outcome through the form, then page forward by keyset.
    await page.click('text=All attempts');
    await page.selectOption('select[name=outcome]', 'failure');
    await page.click('form.filters button[type=submit]');
    await expect.poll(() => page.url()).toContain('outcome=failure');
    const badges = await page.locator('#attempts .badge').allInnerTexts();
    expect(badges.length).toBe(50);
    expect(new Set(badges)).toEqual(new Set(['failure']));
    const firstSeqs = await page.locator('#attempts tbody tr td:first-child').allInnerTexts();
    await page.click('a[rel=next]');
    await expect.poll(() => page.url()).toMatch(/after=\d+/);
    const nextSeqs = (await page.locator('#attempts tbody tr td:first-child').allInnerTexts()).map(Number);
    expect(nextSeqs[0]).toBeGreaterThan(Number(firstSeqs.at(-1)));
    expect(new Set(await page.locator('#attempts .badge').allInnerTexts())).toEqual(new Set(['failure']));
    await shot(page, 'attempts');
    // Full-text search: a word that is in no reply finds nothing; the filter form keeps it.
    await page.fill('input[name=q]', 'zebra-unicorn-quasar');
    await page.click('form.filters button[type=submit]');
    await page.locator('#no-attempts').waitFor();

    // Attempt: a stable URL per attempt with its transcript.
    await page.goto(`${dashboard.origin}/runs/${runB}/attempts?outcome=failure`);
    const seq = Number(firstSeqs[0]);
    await page.click(`#attempts a[href="/runs/${runB}/attempts/${seq}"]`);
    await expect.poll(() => page.locator('h1').innerText()).toBe(`Attempt ${seq} of ${runB}`);
    expect(await page.locator('main').innerText()).toMatch(/TARGET/i);
    await shot(page, 'attempt');

    // Review queue: the sample, blind; three labels from the keyboard; the corrected rate appears and moves.
    await page.goto(`${dashboard.origin}/runs/${runB}/review`);
    await scripted(page);
    const corrected = page.locator('.corrected-rate[data-persona=malicious]');
    expect(await corrected.innerText()).toBe('no labels yet');
    expect(await page.locator('main').innerText()).not.toMatch(/deciding|verdict:/i);
    for (const [i, key] of ['1', '2'].entries()) {
      await page.keyboard.press(key);
      await expect.poll(() => page.url()).toContain(`i=${i + 1}`);
      await scripted(page);
    }
    expect(await page.locator('#sample-progress').innerText()).toBe('2 of 3');
    const afterTwo = await corrected.innerText();
    expect(afterTwo).toMatch(/^\d+\.\d% \[\d+\.\d–\d+\.\d\]/);
    // The last item has no next: the panel updates in place from the server's answer.
    await page.keyboard.press('1');
    await expect.poll(() => page.locator('#sample-progress').innerText()).toBe('3 of 3');
    await expect.poll(() => page.locator('#my-label').innerText()).toBe('you said yes');
    expect(await corrected.innerText()).not.toBe(afterTwo);
    await page.keyboard.press('?');
    await page.locator('dialog#help[open]').waitFor();
    await shot(page, 'review');
    await page.keyboard.press('Escape');
    const store = openSqliteStore(join(dir, '.redline', 'redline.db'));
    try {
      const labels = await store.reviews.labels(runB);
      expect(labels.map((l) => [l.reviewer, l.verdict])).toEqual(expect.arrayContaining([['tester', 'success'], ['tester', 'failure'], ['tester', 'success']]));
      expect(labels).toHaveLength(3);
      expect(new Set(labels.map((l) => l.seq))).toEqual(new Set((await store.reviews.sample(runB)).map((s) => s.seq)));
    } finally {
      await store.close();
    }

    // Compare: cells with intervals and verdicts, and the paired test (same plan, different seeds).
    await page.goto(`${dashboard.origin}/compare?a=${runA}&b=${runB}`);
    expect(await page.locator('#compare-cells tbody tr').count()).toBeGreaterThan(3);
    expect(await page.locator('#paired').innerText()).toMatch(/^\d+ attempts pair .* McNemar test .* p = /);
    await shot(page, 'compare');

    expect(away).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('shows pages holding exfiltration and script payloads with zero requests elsewhere and no injected script run', async (ctx) => {
    if (systemChromium(ctx) === undefined) return;
    const listener: LocalServer = await startLocalServer((reply) => reply.end('ok'));
    closers.push(listener.close);
    const { dir, runId } = await hostileScan(listener.url, closers);
    const dashboard = await served(dir);
    const browser = await launch();
    // With the dashboard's policy and without it: escaping alone must keep the payloads inert.
    for (const bypassCSP of [false, true]) {
      const context = await browser.newContext({ bypassCSP });
      const page = await context.newPage();
      const away = elsewhere(page, dashboard.origin);
      const seen: string[] = [];
      page.on('console', (m) => seen.push(m.text()));
      page.on('dialog', (d) => {
        seen.push(`dialog ${d.message()}`);
        void d.dismiss();
      });
      await page.goto(dashboard.url);
      for (const path of ['/', `/runs/${runId}`, `/runs/${runId}/attempts`, `/runs/${runId}/attempts?q=script`, `/runs/${runId}/attempts/3`]) {
        await page.goto(`${dashboard.origin}${path}`);
        await page.evaluate(`document.querySelectorAll('details').forEach((d) => d.setAttribute('open', ''))`);
        await page.waitForTimeout(300);
        const state = await page.evaluate<{ title: string; pwned: unknown; active: number; scripts: string[] }>(`({
          title: document.title, pwned: window.pwned,
          active: document.querySelectorAll(${JSON.stringify(`${ACTIVE_ELEMENTS}, main script, main link, main form:not(.filters), main style, [style]`)}).length,
          scripts: [...document.scripts].map((s) => s.src),
        })`);
        expect(state.title, path).not.toContain(MARK);
        expect(state.pwned, path).toBeUndefined();
        expect(state.active, path).toBe(0);
        expect(state.scripts, path).toEqual([`${dashboard.origin}/assets/app.js`]);
      }
      expect(await page.locator('main').innerText()).toContain(`<script>fetch('${listener.url}/script')`);
      expect({ bypassCSP, away, seen: seen.filter((s) => s.includes(MARK) || s.startsWith('dialog')) }).toEqual({ bypassCSP, away: [], seen: [] });
      await context.close();
    }
    expect(listener.received.map((r) => r.path)).toEqual([]);
  });
});
