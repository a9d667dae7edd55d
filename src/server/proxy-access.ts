import type { MiddlewareHandler } from 'hono';
import { chatErrorBody } from '../api/chat-completion-wire.js';
import { sameSecret } from './access-policy.js';

/** Who may use the guard proxy, and through which names. */
export type ProxyAccessPolicy = {
  /** Host header values accepted, exactly (`127.0.0.1:8787`, `localhost:8787`, `[::1]:8787`…): DNS rebinding is refused. */
  readonly hosts: ReadonlySet<string>;
  /** The bearer token every request must carry; none (loopback only) accepts any bearer, or none. */
  readonly token?: string;
};

function refuse(status: 401 | 403 | 415, message: string, code: string): Response {
  return new Response(JSON.stringify(chatErrorBody({ message, type: status === 401 ? 'authentication_error' : 'invalid_request_error', code })), {
    status, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' },
  });
}

/**
 * Checks every request to the proxy, in this order: the Host header is one of ours (DNS rebinding); it is no browser
 * request from a web page (any Origin, or a Sec-Fetch-Site other than `none`: the proxy serves programs, and a page
 * must not spend the upstream's key); it carries `Authorization: Bearer TOKEN` when a token is set; a POST is JSON.
 * No session, no cookie, no CORS: a JSON API for SDK clients needs none.
 */
export function proxyAccess(policy: ProxyAccessPolicy): MiddlewareHandler {
  return async (c, next) => {
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (!policy.hosts.has(host)) return refuse(403, `refused: Host '${host.slice(0, 100)}' is not this proxy's address (DNS rebinding protection)`, 'host_refused');
    const site = c.req.header('sec-fetch-site');
    if (c.req.header('origin') !== undefined || (site !== undefined && site !== 'none')) return refuse(403, 'refused: a request from a web page (the proxy answers programs, not browsers)', 'browser_refused');
    if (policy.token !== undefined) {
      const bearer = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
      if (bearer === undefined || !sameSecret(bearer, policy.token)) return refuse(401, 'refused: send the proxy token as the API key (Authorization: Bearer TOKEN)', 'invalid_api_key');
    }
    if (c.req.method === 'POST' && !/^application\/json\b/i.test(c.req.header('content-type') ?? '')) return refuse(415, 'refused: the body must be application/json', 'unsupported_media_type');
    await next();
    c.res.headers.set('cache-control', 'no-store');
    c.res.headers.set('x-content-type-options', 'nosniff');
  };
}
