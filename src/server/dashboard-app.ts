import { Hono, type Context } from 'hono';
import {
  dashboardAssets, dashboardAttemptPage, dashboardAttemptsPage, dashboardComparePage, dashboardLabel, dashboardProgress,
  dashboardReviewPage, dashboardRunPage, dashboardRunsPage, dashboardUnlabel, exportFilteredAttempts,
} from '../api/dashboard.js';
import type { RunDataCache } from '../api/summary-cache.js';
import { ConfigError, RedlineError, StoreError } from '../core/errors.js';
import type { RunStore } from '../core/run-store.js';
import { accessControl, type AccessPolicy } from './access-policy.js';

/** What the dashboard serves from, and for whom. */
export type DashboardAppOptions = {
  /** The store pages read and labels go to. */
  readonly store: RunStore;
  /** Who may ask, through which names. */
  readonly policy: AccessPolicy;
  /** Reviewer name labels default to (a browser may set its own). */
  readonly reviewer?: string;
  /** The clock (epoch ms). */
  readonly now?: () => number;
  /** Run data kept between requests (none: every page is computed afresh). */
  readonly cache?: RunDataCache;
};

const HTML = 'text/html; charset=utf-8';

function seqOf(raw: string): number | undefined {
  return /^\d{1,12}$/.test(raw) ? Number(raw) : undefined;
}

function failure(c: Context, error: unknown): Response {
  const status = error instanceof StoreError && /no run with id|no recorded attempt/.test(error.message) ? 404 : error instanceof ConfigError ? 400 : 500;
  const message = error instanceof RedlineError ? error.message : 'internal error';
  if (status === 500 && !(error instanceof RedlineError)) console.error(error);
  return c.json({ error: message }, status);
}

/** The dashboard's routes: pages (server-rendered), a JSON API for labels and progress, exports, and its two assets. */
export function dashboardApp(options: DashboardAppOptions): Hono {
  const { store } = options;
  const now = options.now ?? Date.now;
  const viewer = { ...(options.reviewer === undefined ? {} : { reviewer: options.reviewer }), ...(options.cache === undefined ? {} : { cache: options.cache }) };
  const assets = dashboardAssets();
  const app = new Hono();
  app.use('*', accessControl(options.policy));
  app.onError((error, c) => failure(c, error));
  const page = (c: Context, markup: string | undefined) => (markup === undefined ? c.text('not found', 404) : c.body(markup, 200, { 'content-type': HTML }));

  app.get('/assets/app.css', (c) => c.body(assets.css, 200, { 'content-type': 'text/css; charset=utf-8', 'cache-control': 'private, max-age=300' }));
  app.get('/assets/app.js', (c) => c.body(assets.js, 200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'private, max-age=300' }));
  app.get('/', async (c) => page(c, await dashboardRunsPage(store, { now: now(), ...viewer })));
  app.get('/compare', async (c) => page(c, await dashboardComparePage(store, { ...viewer, ...optional('a', c.req.query('a')), ...optional('b', c.req.query('b')) })));
  app.get('/runs/:id', async (c) => page(c, await dashboardRunPage(store, { runId: c.req.param('id'), ...viewer })));
  app.get('/runs/:id/attempts', async (c) => page(c, await dashboardAttemptsPage(store, { runId: c.req.param('id'), params: new URL(c.req.url).searchParams, ...viewer })));
  app.get('/runs/:id/attempts/:seq', async (c) => {
    const seq = seqOf(c.req.param('seq'));
    return page(c, seq === undefined ? undefined : await dashboardAttemptPage(store, { runId: c.req.param('id'), seq, ...viewer }));
  });
  app.get('/runs/:id/review', async (c) => page(c, await dashboardReviewPage(store, { runId: c.req.param('id'), params: new URL(c.req.url).searchParams, ...viewer })));
  for (const format of ['jsonl', 'csv'] as const) {
    app.get(`/runs/:id/attempts.${format}`, async (c) => {
      const runId = c.req.param('id');
      const lines = exportFilteredAttempts(store, { runId, params: new URL(c.req.url).searchParams, format });
      // The first line is read before answering, so an unknown run or a bad filter is an error status, not a broken download.
      const first = await lines.next();
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          if (first.done !== true) controller.enqueue(encoder.encode(first.value));
        },
        async pull(controller) {
          const next = await lines.next();
          if (next.done === true) controller.close();
          else controller.enqueue(encoder.encode(next.value));
        },
      });
      const name = `${runId.replace(/[^A-Za-z0-9._-]/g, '_')}-attempts.${format}`;
      return c.body(body, 200, { 'content-type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` });
    });
  }
  app.get('/api/runs/:id/progress', async (c) => c.json(await dashboardProgress(store, c.req.param('id'))));
  app.post('/api/runs/:id/attempts/:seq/label', async (c) => {
    const seq = seqOf(c.req.param('seq'));
    const body = (await c.req.json().catch(() => undefined)) as { verdict?: unknown; reviewer?: unknown; note?: unknown } | undefined;
    if (seq === undefined || body === undefined || (body.verdict !== 'success' && body.verdict !== 'failure')) {
      return c.json({ error: 'a label is {"verdict": "success" | "failure", "reviewer"?: string, "note"?: string} posted to an attempt number' }, 400);
    }
    const reviewer = typeof body.reviewer === 'string' ? body.reviewer.trim().slice(0, 100) : options.reviewer ?? '';
    const note = typeof body.note === 'string' && body.note.trim() !== '' ? body.note.slice(0, 2_000) : undefined;
    return c.json(await dashboardLabel(store, { runId: c.req.param('id'), seq, reviewer, verdict: body.verdict, now: now(), ...(note === undefined ? {} : { note }) }));
  });
  app.delete('/api/runs/:id/attempts/:seq/label', async (c) => {
    const seq = seqOf(c.req.param('seq'));
    if (seq === undefined) return c.json({ error: 'not an attempt number' }, 400);
    return c.json(await dashboardUnlabel(store, { runId: c.req.param('id'), seq, reviewer: (c.req.query('reviewer') ?? options.reviewer ?? '').trim().slice(0, 100) }));
  });
  app.notFound((c) => c.text('not found', 404));
  return app;
}

function optional<K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> {
  return value === undefined || value === '' ? {} : ({ [key]: value } as Record<K, string>);
}
