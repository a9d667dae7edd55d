import { createServer, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { ConfigError } from '../core/errors.js';

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** True for an address only this machine can reach. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** An address as written in a URL or a Host header: IPv6 in brackets. */
export function bracket(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** Servers listening on one port, on every address bound. */
export type BoundServers = {
  /** The port (the one picked, when 0 was asked). */
  readonly port: number;
  /** The addresses listened on, e.g. ['127.0.0.1:8484', '[::1]:8484']. */
  readonly listening: readonly string[];
  /** Host header values that name this server, exactly (DNS rebinding protection). */
  readonly hosts: ReadonlySet<string>;
  /** The host to print in URLs. */
  readonly shownHost: string;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
};

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

/** Names a client may use for the address bound: loopback names always, and for a wildcard bind this machine's names. */
export function allowedHosts(host: string, port: number): Set<string> {
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
 * Serves a request listener on `host` and `port`: 127.0.0.1 (or localhost) binds both 127.0.0.1 and ::1, the v6
 * bind skipped where the machine has no IPv6 loopback. A port that cannot be had is a ConfigError on `--port`.
 */
export async function bindServers(options: { readonly listener: RequestListener; readonly host: string; readonly port: number }): Promise<BoundServers> {
  const { host } = options;
  const servers: Server[] = [];
  const listening: string[] = [];
  let port = options.port;
  const binds = host === '127.0.0.1' || host === 'localhost' ? ['127.0.0.1', '::1'] : [host];
  for (const [i, address] of binds.entries()) {
    const server = createServer(options.listener);
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
  return {
    port, listening, hosts: allowedHosts(host, port),
    shownHost: isLoopback(host) ? '127.0.0.1' : host === '0.0.0.0' || host === '::' ? hostname() : bracket(host),
    close: async () => {
      await Promise.all(servers.map(closeServer));
    },
  };
}
