import { getRequestListener } from '@hono/node-server';
import type { GuardProxy } from '../api/guard-proxy.js';
import { ConfigError } from '../core/errors.js';
import { bindServers, isLoopback } from './bind-servers.js';
import { guardProxyApp, type ProxyLogEntry } from './guard-proxy-app.js';
import type { ProxyAccessPolicy } from './proxy-access.js';

/** How to serve a guard proxy. */
export type StartGuardProxyOptions = {
  /** The guarded target answering requests. */
  readonly proxy: GuardProxy;
  /** Address to bind: loopback (v4 and v6) by default; anything else needs `token`. */
  readonly host?: string;
  /** Port; 0 picks a free one. */
  readonly port?: number;
  /** The bearer token clients must send as their API key (REDLINE_GUARD_TOKEN); none on loopback accepts any. */
  readonly token?: string;
  /** Receives one entry per request. */
  readonly log?: (entry: ProxyLogEntry) => void;
};

/** A running guard proxy. */
export type RunningGuardProxy = {
  /** The OpenAI base URL clients use, e.g. `http://127.0.0.1:8787/v1`. */
  readonly baseUrl: string;
  /** The addresses listened on. */
  readonly listening: readonly string[];
  /** Stops listening and closes open connections (the proxy's target stays open: its owner closes it). */
  close(): Promise<void>;
};

/** Shortest token accepted. */
export const MIN_GUARD_TOKEN_LENGTH = 16;

/**
 * Serves a guard proxy. Binds 127.0.0.1 and ::1 by default; a non-loopback address is refused without a token of
 * 16+ characters, since the proxy spends the upstream's credentials for whoever reaches it.
 */
export async function startGuardProxy(options: StartGuardProxyOptions): Promise<RunningGuardProxy> {
  const host = options.host ?? '127.0.0.1';
  if (options.token !== undefined && options.token.length < MIN_GUARD_TOKEN_LENGTH) {
    throw new ConfigError(`the proxy token must have at least ${MIN_GUARD_TOKEN_LENGTH} characters`, { file: '<environment>', path: 'REDLINE_GUARD_TOKEN', hint: 'set REDLINE_GUARD_TOKEN to a long random secret, e.g. from `openssl rand -hex 24`' });
  }
  if (!isLoopback(host) && options.token === undefined) {
    throw new ConfigError(`refusing to serve the proxy on ${host}: a non-loopback address needs a token of at least ${MIN_GUARD_TOKEN_LENGTH} characters`, {
      file: '<command line>', path: '--host',
      hint: 'keep the default --host 127.0.0.1, or set REDLINE_GUARD_TOKEN to a long random secret (clients send it as their API key)',
    });
  }
  const policy: { hosts: ReadonlySet<string>; token?: string } = { hosts: new Set(), ...(options.token === undefined ? {} : { token: options.token }) };
  const app = guardProxyApp({ proxy: options.proxy, policy: policy as ProxyAccessPolicy, ...(options.log === undefined ? {} : { log: options.log }) });
  const bound = await bindServers({ listener: getRequestListener((request) => app.fetch(request)), host, port: options.port ?? 0 });
  policy.hosts = bound.hosts;
  return { baseUrl: `http://${bound.shownHost}:${bound.port}/v1`, listening: bound.listening, close: () => bound.close() };
}
