import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exfilTokenSeq, findExfilToken, type ExfilHit } from '../core/exfil.js';

/** Where the listener listens, and the address attempts plant when the target reaches it another way. */
export type ExfilListenerOptions = {
  /** Address to bind (default 127.0.0.1). */
  readonly host?: string;
  /** Port (default 0: any free one). */
  readonly port?: number;
  /** The base URL planted in attempts, when the target reaches the listener through another name (a tunnel, a host alias). */
  readonly publicUrl?: string;
};

/** What the listener saw. */
export type ExfilListenerCounts = {
  /** Requests carrying a token of this run: recorded against their attempt. */
  readonly attributed: number;
  /** Requests with no token, or a token that is not one of this run's: counted, never attributed. */
  readonly unattributed: number;
};

/** A running out-of-band listener. */
export type ExfilListener = {
  /** The base URL attempts plant (`publicUrl`, else the bound address). */
  readonly baseUrl: string;
  /** Counts so far. */
  counts(): ExfilListenerCounts;
  /** The most recent unattributed requests (at most 100), for the run's output. */
  unattributed(): readonly ExfilHit[];
  /** Stops listening. */
  close(): Promise<void>;
};

// A 1×1 transparent PNG: an image request gets an image, so a renderer does not retry or show a broken picture.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * Starts the listener that proves exfiltration out of band: any request whose path or query carries one of this
 * run's attempt tokens (an image fetched, a link followed) is a hit for exactly that attempt, handed to `onHit`.
 * Requests without a valid token of this run are counted apart and never attributed. It serves nothing but a pixel
 * or "ok", reads no body, and binds loopback unless told otherwise.
 */
export async function startExfilListener(input: ExfilListenerOptions & { readonly runId: string; readonly onHit: (hit: ExfilHit, seq: number) => void }): Promise<ExfilListener> {
  let attributed = 0;
  let unattributedCount = 0;
  const strays: ExfilHit[] = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = clip(request.url ?? '/', 512);
    const token = findExfilToken(path);
    const userAgent = request.headers['user-agent'];
    const hit: ExfilHit = { token: token ?? '', at: Date.now(), method: request.method ?? 'GET', path, ...(userAgent === undefined ? {} : { userAgent: clip(userAgent, 200) }) };
    const seq = token === undefined ? undefined : exfilTokenSeq(token, input.runId);
    if (seq === undefined) {
      unattributedCount += 1;
      strays.push(hit);
      if (strays.length > 100) strays.shift();
    } else {
      attributed += 1;
      input.onHit(hit, seq);
    }
    request.resume();
    const image = /\.(png|gif|jpe?g|svg|webp)(\?|$)/i.test(path);
    response.writeHead(200, { 'content-type': image ? 'image/png' : 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
    response.end(image ? PIXEL : 'ok\n');
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;
  const host = input.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(input.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const bound = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    baseUrl: (input.publicUrl ?? bound).replace(/\/+$/, ''),
    counts: () => ({ attributed, unattributed: unattributedCount }),
    unattributed: () => [...strays],
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}
