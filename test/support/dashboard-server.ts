import { request } from 'node:http';
import { startCli } from './run-cli.js';

/** A `redline serve` child process and where it listens. */
export type ServedDashboard = {
  /** The URL it printed, token included. */
  readonly url: string;
  /** Scheme, host and port. */
  readonly origin: string;
  /** The port. */
  readonly port: number;
  /** Stops the process (SIGTERM) and waits for it. */
  close(): Promise<void>;
};

/** Starts `redline serve --port 0` in `cwd` with extra arguments, and waits for the URL it prints. */
export async function serveDashboard(input: { cwd: string; args?: readonly string[]; env?: Record<string, string> }): Promise<ServedDashboard> {
  const { child, done } = startCli(['serve', '--port', '0', ...(input.args ?? [])], { cwd: input.cwd, ...(input.env === undefined ? {} : { env: input.env }) });
  let printed = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => {
      printed += d.toString();
      const found = /open: (\S+)/.exec(printed);
      if (found) resolve(found[1]!);
    });
    void done.then((r) => reject(new Error(`redline serve exited ${r.code}: ${r.stderr}${r.stdout}`)));
  });
  const parsed = new URL(url);
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    close: async () => {
      child.kill('SIGTERM');
      await done;
    },
  };
}

/** A raw HTTP answer. */
export type RawAnswer = { status: number; headers: Record<string, string | string[] | undefined>; body: string };

/** One HTTP request with exactly the headers given (Host included), to 127.0.0.1 or ::1. */
export function rawRequest(input: { port: number; path: string; method?: string; headers?: Record<string, string>; body?: string; address?: string }): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: input.address ?? '127.0.0.1', port: input.port, path: input.path, method: input.method ?? 'GET', headers: { host: `127.0.0.1:${input.port}`, ...input.headers }, setHost: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(input.body);
  });
}

/** Exchanges the printed URL's token for the session cookie, as a browser would. */
export async function sessionCookie(dashboard: ServedDashboard): Promise<string> {
  const url = new URL(dashboard.url);
  const answer = await rawRequest({ port: dashboard.port, path: `${url.pathname}${url.search}` });
  const cookie = [answer.headers['set-cookie'] ?? []].flat()[0];
  if (answer.status !== 303 || cookie === undefined) throw new Error(`no session cookie: ${answer.status} ${answer.body}`);
  return cookie.split(';')[0]!;
}
