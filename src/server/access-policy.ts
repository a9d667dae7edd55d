import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';

/** Who may use the dashboard, and through which names. */
export type AccessPolicy = {
  /** The secret in the printed URL (or given with --token): exchanging it sets the session cookie. */
  readonly token: string;
  /** The session cookie's value: random per server start, never the token itself. */
  readonly session: string;
  /** The cookie's name (per port: cookies are shared across a host's ports). */
  readonly cookie: string;
  /** Host header values accepted, exactly (`127.0.0.1:8484`, `localhost:8484`, `[::1]:8484`, …): DNS rebinding is refused. */
  readonly hosts: ReadonlySet<string>;
};

/** A fresh random secret, URL-safe. */
export function randomSecret(): string {
  return randomBytes(24).toString('base64url');
}

/** Compares two secrets in constant time (hashed first, so the lengths do not leak either). */
export function sameSecret(a: string, b: string): boolean {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Header every state-changing request must carry: a page of another site cannot set it without a preflight we never grant. */
export const REQUEST_HEADER = 'x-redline-request';

/**
 * The dashboard's content policy: scripts, styles and everything else only from the server itself, no inline script
 * or style, no frames, no form posts elsewhere; a missed escape still could not run code or call out.
 */
export const CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

function refuse(status: 401 | 403, message: string): Response {
  return new Response(`${message}\n`, { status, headers: { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': CONTENT_SECURITY_POLICY } });
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

/**
 * Checks every request, in this order: the Host header is one of ours (DNS rebinding); the request is not cross-site
 * (Sec-Fetch-Site, Origin); it carries the session cookie, the token as a bearer, or the token in `?token=` (then
 * answered with the cookie and a redirect that drops the token from the address bar); a state-changing request
 * carries REQUEST_HEADER. Security headers go on every answer.
 */
export function accessControl(policy: AccessPolicy): MiddlewareHandler {
  return async (c, next) => {
    const host = (c.req.header('host') ?? '').toLowerCase();
    if (!policy.hosts.has(host)) return refuse(403, `refused: Host '${host.slice(0, 100)}' is not this dashboard's address (DNS rebinding protection)`);
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none') return refuse(403, `refused: a ${site} request (the dashboard answers its own pages only)`);
    const origin = c.req.header('origin');
    if (origin !== undefined && origin !== 'null' && !policy.hosts.has(originHost(origin))) return refuse(403, 'refused: a request from another origin');
    if (origin === 'null' && STATE_CHANGING.has(c.req.method)) return refuse(403, 'refused: a request from an opaque origin');
    const url = new URL(c.req.url);
    const offered = url.searchParams.get('token');
    if (offered !== null && c.req.method === 'GET') {
      if (!sameSecret(offered, policy.token)) return refuse(401, 'refused: wrong token; open the URL `redline serve` printed');
      url.searchParams.delete('token');
      return new Response(null, {
        status: 303,
        headers: {
          location: `${url.pathname}${url.search}`,
          'set-cookie': `${policy.cookie}=${policy.session}; HttpOnly; SameSite=Strict; Path=/`,
          'cache-control': 'no-store',
          'referrer-policy': 'no-referrer',
        },
      });
    }
    const bearer = /^Bearer (.+)$/.exec(c.req.header('authorization') ?? '')?.[1];
    const session = cookieValue(c.req.header('cookie'), policy.cookie);
    const known = (session !== undefined && sameSecret(session, policy.session)) || (bearer !== undefined && sameSecret(bearer, policy.token));
    if (!known) return refuse(401, 'refused: no session; open the URL `redline serve` printed (it carries the token)');
    if (STATE_CHANGING.has(c.req.method) && c.req.header(REQUEST_HEADER) !== '1') return refuse(403, `refused: a state-changing request without the ${REQUEST_HEADER} header`);
    await next();
    const headers = c.res.headers;
    headers.set('content-security-policy', CONTENT_SECURITY_POLICY);
    headers.set('x-content-type-options', 'nosniff');
    headers.set('referrer-policy', 'no-referrer');
    headers.set('x-frame-options', 'DENY');
    headers.set('cross-origin-opener-policy', 'same-origin');
    headers.set('cross-origin-resource-policy', 'same-origin');
    if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
  };
}

function originHost(origin: string): string {
  try {
    const url = new URL(origin);
    return url.protocol === 'http:' ? url.host.toLowerCase() : '';
  } catch {
    return '';
  }
}
