import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces, hostname } from 'node:os';
import { getRequestListener } from '@hono/node-server';
import { ConfigError } from '../core/errors.js';
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

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** True for an address only this machine can reach. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function bracket(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ port, host, ipv6Only: host.includes(':') }, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/** Names a browser may use for the address bound: loopback names always, and for a wildcard bind this machine's names. */
function allowedHosts(host: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  if (!isLoopback(host)) {
    if (host === '0.0.0.0' || host === '::') {
      names.add(hostname().toLowerCase());
      for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(bracket(a.address.toLowerCase()));
    } else names.add(bracket(host.toLowerCase()));
  }
  const hosts = new Set<string>();
  for (const name of names) {
    hosts.add(`${name}:${port}`);
    if (port === 80) hosts.add(name);
  }
  return hosts;
}

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
  const servers: Server[] = [];
  const listening: string[] = [];
  let port = options.port ?? 0;
  const policy: { -readonly [K in keyof AccessPolicy]: AccessPolicy[K] } = { token, session: randomSecret(), cookie: 'redline_session', hosts: new Set() };
  const cache = runDataCache();
  const app = dashboardApp({ store: options.store, policy, cache, ...(options.reviewer === undefined ? {} : { reviewer: options.reviewer }), ...(options.now === undefined ? {} : { now: options.now }) });
  const listener = getRequestListener((request) => app.fetch(request));
  const binds = host === '127.0.0.1' || host === 'localhost' ? ['127.0.0.1', '::1'] : [host];
  for (const [i, address] of binds.entries()) {
    const server = createServer(listener);
    try {
      port = await listen(server, port, address);
    } catch (error) {
      // The IPv6 loopback is a bonus: a machine without it (or with the port taken there) still serves on 127.0.0.1.
      if (i > 0) continue;
      throw new ConfigError(`cannot listen on ${bracket(address)}:${port}: ${(error as Error).message}`, { file: '<command line>', path: '--port', hint: 'choose another --port, or 0 for any free one' });
    }
    servers.push(server);
    listening.push(`${bracket(address)}:${port}`);
  }
  policy.hosts = allowedHosts(host, port);
  void warmDashboard(options.store, cache).catch(() => undefined);
  policy.cookie = `redline_session_${port}`;
  const shown = isLoopback(host) ? '127.0.0.1' : host === '0.0.0.0' || host === '::' ? hostname() : bracket(host);
  const origin = `http://${shown}:${port}`;
  return {
    url: `${origin}/?token=${encodeURIComponent(token)}`,
    origin,
    token,
    listening,
    close: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}
