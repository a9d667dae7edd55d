import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { TargetError } from '../../src/core/errors.js';
import type { TargetContext } from '../../src/targets/context.js';

/** One request a local test server received. */
export type ReceivedRequest = {
  /** HTTP method. */
  readonly method: string;
  /** Path and query. */
  readonly path: string;
  /** Request headers, lower-cased names. */
  readonly headers: IncomingHttpHeaders;
  /** The body as text. */
  readonly body: string;
};

/** A real HTTP server on 127.0.0.1 for target tests. */
export type LocalServer = {
  /** Base URL, e.g. 'http://127.0.0.1:41234'. */
  readonly url: string;
  /** Requests received so far, oldest first. */
  readonly received: ReceivedRequest[];
  /** How many client connections are open now (a closed browser page drops its own). */
  openConnections(): Promise<number>;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
};

/** Answers one request; the body has already been read. */
export type LocalHandler = (reply: ServerResponse, request: ReceivedRequest & { raw: IncomingMessage }) => void;

/** Starts a server on 127.0.0.1, port 0, that records each request then lets `handle` answer it. */
export async function startLocalServer(handle: LocalHandler): Promise<LocalServer> {
  const received: ReceivedRequest[] = [];
  const server = createServer((raw, reply) => {
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      const request = {
        method: raw.method ?? '',
        path: raw.url ?? '',
        headers: raw.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      received.push(request);
      handle(reply, { ...request, raw });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    openConnections: () => new Promise<number>((resolve, reject) => server.getConnections((error, count) => (error ? reject(error) : resolve(count)))),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Sends a JSON reply with a status. */
export function replyJson(reply: ServerResponse, answer: { status?: number; body: unknown }): void {
  reply.writeHead(answer.status ?? 200, { 'content-type': 'application/json' });
  reply.end(JSON.stringify(answer.body));
}

/** A TargetContext for tests, with the given environment. */
export function testContext(env: Record<string, string>): TargetContext {
  return { env, baseDir: '/tmp', configFile: 'redline.test.yaml' };
}

/** Everything a user could see of an error: message, stack and the inspected object with its causes. */
export function everythingPrinted(error: unknown): string {
  const { message, stack } = error instanceof Error ? error : { message: String(error), stack: '' };
  return [message, stack, inspect(error, { depth: 8 })].join('\n');
}

/** The TargetError a send rejects with; throws if it resolves or rejects with something else. */
export async function targetFailure(promise: Promise<unknown>): Promise<TargetError> {
  const outcome = await promise.then(
    () => ({ rejected: false as const }),
    (error: unknown) => ({ rejected: true as const, error }),
  );
  if (!outcome.rejected) throw new Error('expected the send to fail');
  if (outcome.error instanceof TargetError) return outcome.error;
  throw new Error(`expected a TargetError, got ${String(outcome.error)}`);
}
