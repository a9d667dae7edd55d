import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { chatErrorBody } from '../api/chat-completion-wire.js';
import type { GuardProxy } from '../api/guard-proxy.js';
import { proxyAccess, type ProxyAccessPolicy } from './proxy-access.js';

/** Largest request body accepted, in bytes. */
export const MAX_PROXY_BODY_BYTES = 4 * 1024 * 1024;

/** One request as the proxy's log line tells it: no header, key or message content. */
export type ProxyLogEntry = {
  /** HTTP method. */
  readonly method: string;
  /** The route answered (`/v1/chat/completions`, `/v1/models`), or `(other)`. */
  readonly route: string;
  /** HTTP status. */
  readonly status: number;
  /** Time to answer, ms. */
  readonly latencyMs: number;
  /** The layer that blocked the request or reply, when one did. */
  readonly blockedBy?: string;
  /** The layer that failed, when one did. */
  readonly failedLayer?: string;
};

/** What the proxy app serves, for whom, and where its log lines go. */
export type GuardProxyAppOptions = {
  /** The guarded target answering requests. */
  readonly proxy: GuardProxy;
  /** Who may ask, through which names (read per request: the port is known once bound). */
  readonly policy: ProxyAccessPolicy;
  /** Receives one entry per request (none: nothing is logged). */
  readonly log?: (entry: ProxyLogEntry) => void;
};

/** Per-request values the log line reads. */
export type GuardProxyEnv = { Variables: { blockedBy?: string; failedLayer?: string } };

const ROUTES = new Set(['/v1/chat/completions', '/v1/models']);

/** The proxy's routes: `POST /v1/chat/completions` through the guarded target, and `GET /v1/models` listing its one model. */
export function guardProxyApp(options: GuardProxyAppOptions): Hono<GuardProxyEnv> {
  const { proxy } = options;
  const app = new Hono<GuardProxyEnv>();
  app.use('*', async (c, next) => {
    const started = performance.now();
    await next();
    options.log?.({
      method: c.req.method, route: ROUTES.has(c.req.path) ? c.req.path : '(other)', status: c.res.status, latencyMs: performance.now() - started,
      ...(c.get('blockedBy') === undefined ? {} : { blockedBy: c.get('blockedBy')! }), ...(c.get('failedLayer') === undefined ? {} : { failedLayer: c.get('failedLayer')! }),
    });
  });
  app.use('*', proxyAccess(options.policy));
  app.onError((_error, c) => c.json(chatErrorBody({ message: 'internal error', type: 'server_error' }), 500));
  app.notFound((c) => c.json(chatErrorBody({ message: `no route ${c.req.method} ${c.req.path.slice(0, 100)}`, type: 'invalid_request_error', code: 'not_found' }), 404));
  app.get('/v1/models', (c) => c.json({ object: 'list', data: [{ id: proxy.model, object: 'model', created: 0, owned_by: 'redline' }] }));
  app.post('/v1/chat/completions', bodyLimit({ maxSize: MAX_PROXY_BODY_BYTES, onError: (c) => c.json(chatErrorBody({ message: `the body is larger than ${MAX_PROXY_BODY_BYTES} bytes`, type: 'invalid_request_error' }), 413) }), async (c) => {
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      return c.json(chatErrorBody({ message: 'the body is not valid JSON', type: 'invalid_request_error' }), 400);
    }
    const answer = await proxy.answer(body, c.req.raw.signal);
    if (answer.blockedBy !== undefined) c.set('blockedBy', answer.blockedBy);
    if (answer.failedLayer !== undefined) c.set('failedLayer', answer.failedLayer);
    return c.json(answer.body as object, answer.status);
  });
  return app;
}
