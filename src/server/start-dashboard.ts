import { getRequestListener } from '@hono/node-server';
import { ConfigError } from '../core/errors.js';
import { bindServers, isLoopback } from './bind-servers.js';
import type { RunStore } from '../core/run-store.js';
import { randomSecret, type AccessPolicy } from './access-policy.js';
import { dashboardApp } from './dashboard-app.js';
import { warmDashboard } from '../api/dashboard.js';
import { runDataCache } from '../api/summary-cache.js';

/** How to serve the dashboard. */
export type StartDashboardOptions = {
  /** The store to read and label. */
  readonly store: RunStore;
  /** Address to bind: loopback (v4 and v6) by default; anything else needs `token`. */
  readonly host?: string;
  /** Port; 0 (default 8484 from the CLI) picks a free one. */
  readonly port?: number;
  /** A fixed token (from --token or REDLINE_SERVE_TOKEN); default: a new random one per start. */
  readonly token?: string;
  /** Reviewer name labels default to. */
  readonly reviewer?: string;
  /** The clock. */
  readonly now?: () => number;
};

/** A running dashboard. */
export type RunningDashboard = {
  /** The URL to open, with the token (print it once; it is the key). */
  readonly url: string;
  /** The URL without the token. */
  readonly origin: string;
  /** The token. */
  readonly token: string;
  /** The addresses listened on, e.g. ['127.0.0.1:8484', '[::1]:8484']. */
  readonly listening: readonly string[];
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
};

export { isLoopback } from './bind-servers.js';

/**
 * Serves the dashboard. Binds 127.0.0.1 and ::1 by default (the v6 bind is skipped where the machine has no IPv6
 * loopback); a non-loopback address is refused unless a token was chosen, since anyone who can reach it and guess
 * nothing else would otherwise meet only the random token printed on this machine's terminal.
 */
export async function startDashboard(options: StartDashboardOptions): Promise<RunningDashboard> {
  const host = options.host ?? '127.0.0.1';
  if (!isLoopback(host) && (options.token === undefined || options.token.length < 16)) {
    throw new ConfigError(`refusing to serve the dashboard on ${host}: a non-loopback address needs a token of at least 16 characters`, {
      file: '<command line>', path: '--host',
      hint: 'keep the default --host 127.0.0.1 (and reach it through an SSH tunnel), or set REDLINE_SERVE_TOKEN to a long random secret',
    });
  }
  const token = options.token ?? randomSecret();
  const policy: { -readonly [K in keyof AccessPolicy]: AccessPolicy[K] } = { token, session: randomSecret(), cookie: 'redline_session', hosts: new Set() };
  const cache = runDataCache();
  const app = dashboardApp({ store: options.store, policy, cache, ...(options.reviewer === undefined ? {} : { reviewer: options.reviewer }), ...(options.now === undefined ? {} : { now: options.now }) });
  const bound = await bindServers({ listener: getRequestListener((request) => app.fetch(request)), host, port: options.port ?? 0 });
  const { port, listening } = bound;
  policy.hosts = bound.hosts;
  void warmDashboard(options.store, cache).catch(() => undefined);
  policy.cookie = `redline_session_${port}`;
  const origin = `http://${bound.shownHost}:${port}`;
  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    token,
    listening,
    close: () => bound.close(),
  };
}
