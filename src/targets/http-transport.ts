/// <reference path="./undici-parts.d.ts" />
import Agent from 'undici/lib/dispatcher/agent.js';
import type { Dispatcher } from 'undici';
import type { TargetContext } from './context.js';
import { replyLimitBytes } from './read-reply.js';

/** A fetch-compatible function, as the OpenAI SDK and the http target call it. */
export type TransportFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/** A request as the lean path sends it: headers already plain and lower-case, the body already serialized. */
export type RawRequest = {
  readonly url: string;
  /** An HTTP method, upper-case (the http target's `method` option, POST for the model targets). */
  readonly method: Dispatcher.HttpMethod;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  readonly signal?: AbortSignal;
};

/** A reply read whole (up to the transport's limit + 1 byte), with no WHATWG objects built around it. */
export type RawReply = {
  readonly status: number;
  readonly statusText: string;
  /** Header values by lower-case name, as undici gives them. */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The announced Content-Length, NaN when absent: a body announced past the limit is not read (empty here). */
  readonly declaredLength: number;
  readonly body: Buffer;
};

/** One target's pool of keep-alive connections. */
export type HttpTransport = {
  /** Sends a request through the pool; redirects are returned, never followed. */
  readonly fetch: TransportFetch;
  /**
   * The same pool without fetch's Request, Headers, Response and stream objects: for a target that builds its
   * request once per run and reads the reply as one buffer (the OpenAI target's hot path, docs/performance.md).
   */
  send(request: RawRequest): Promise<RawReply>;
  /** Closes the pooled connections (a later request opens new ones). */
  close(): Promise<void>;
};

/** How a transport reads replies. */
export type TransportOptions = {
  /** Most connections open at once (undici otherwise opens a new one whenever all are busy, up to twice the concurrency). */
  readonly connections?: number;
  /** Bytes of a reply body read at most; one more byte is kept so the reader can tell the body was larger. */
  readonly limitBytes: number;
};

// Statuses whose Response must have no body.
const nullBodyStatuses = new Set([101, 204, 205, 304]);

/**
 * A keep-alive connection pool over undici's Agent, driven through its handler interface. Node's global fetch builds
 * WHATWG request and stream objects for every call, about 0.4 ms of CPU per request here (and the OpenAI SDK on top
 * of it about 0.65 ms); this transport collects the body as plain buffers, well under 0.1 ms (docs/performance.md).
 * A redirect would carry the target's headers (tokens included) to wherever it points, so it is returned as is.
 */
export function createHttpTransport(options: TransportOptions): HttpTransport {
  // Closing releases the connections; a later request opens a new pool.
  let agent: Agent | undefined;
  const send = (call: RawRequest): Promise<RawReply> => {
    const url = new URL(call.url);
    const dispatcher = (agent ??= new Agent(options.connections === undefined ? {} : { connections: options.connections }));
    return dispatchOnce(dispatcher, {
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: call.method,
      headers: call.headers,
      body: call.body ?? null,
    }, call.signal, options.limitBytes);
  };
  const fetch: TransportFetch = async (input, init = {}) => {
    const reply = await send({
      url: input instanceof Request ? input.url : String(input),
      method: (init.method ?? 'GET') as Dispatcher.HttpMethod,
      headers: plainHeaders(init.headers),
      ...optionalBody(requestBody(init.body)),
      ...(init.signal ? { signal: init.signal } : {}),
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(reply.headers)) {
      if (Array.isArray(value)) for (const one of value) headers.append(name, one);
      else if (value !== undefined) headers.append(name, value);
    }
    return new Response(nullBodyStatuses.has(reply.status) ? null : reply.body, { status: reply.status, statusText: reply.statusText, headers });
  };
  return {
    fetch,
    send,
    close: async () => {
      const closing = agent;
      agent = undefined;
      await closing?.close();
    },
  };
}

/** A target's transport: replies capped at the common reply limit, connections at the run's concurrency. */
export function targetTransport(context: TargetContext): HttpTransport {
  return createHttpTransport({ limitBytes: replyLimitBytes, ...(context.connections === undefined ? {} : { connections: context.connections }) });
}

function plainHeaders(headers: RequestInit['headers']): Record<string, string> {
  const plain: Record<string, string> = {};
  if (headers === undefined) return plain;
  new Headers(headers).forEach((value, name) => {
    plain[name] = value;
  });
  return plain;
}

function optionalBody(body: string | Uint8Array | undefined): { body?: string | Uint8Array } {
  return body === undefined ? {} : { body };
}

function requestBody(body: RequestInit['body']): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  // Targets send JSON text; anything else (streams, forms) is a programming error, not a target failure.
  throw new TypeError(`unsupported request body type: ${Object.prototype.toString.call(body)}`);
}

/**
 * Sends one request with undici's handler interface and collects the reply into one buffer: no Readable body, no
 * async iterator, no per-request AsyncResource (what undici's `request()` builds around the same dispatch): 10–25 %
 * less CPU per call, most in a fresh process. A reply announcing more than `limitBytes` is not read at all; one
 * growing past it keeps limitBytes + 1 bytes (so the reader can tell) and the connection is dropped, so it is never
 * downloaded. An abort of `signal` ends the request with the signal's reason, as undici's `request()` does (a request
 * still queued for a connection is cancelled when it would start).
 */
function dispatchOnce(dispatcher: Dispatcher, options: Dispatcher.DispatchOptions, signal: AbortSignal | undefined, limitBytes: number): Promise<RawReply> {
  return new Promise<RawReply>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    let controller: Dispatcher.DispatchController | undefined;
    let settled = false;
    let head: Omit<RawReply, 'body'> | undefined;
    const chunks: Buffer[] = [];
    let total = 0;
    const onAbort = (): void => controller?.abort(signal!.reason);
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      signal?.removeEventListener('abort', onAbort);
      outcome();
    };
    const reply = (body: Buffer): void => finish(() => resolve({ ...head!, body }));
    signal?.addEventListener('abort', onAbort, { once: true });
    dispatcher.dispatch(options, {
      onRequestStart(started) {
        controller = started;
        if (signal?.aborted) started.abort(signal.reason);
      },
      onResponseStart(started, statusCode, headers, statusMessage) {
        // An informational reply (100 Continue, 103 Early Hints) precedes the real one, as undici's request() skips it.
        if (statusCode < 200) return;
        const declaredLength = Number(headers['content-length'] ?? Number.NaN);
        head = { status: statusCode, statusText: statusMessage ?? '', headers, declaredLength };
        if (declaredLength > limitBytes) {
          reply(Buffer.alloc(0));
          started.abort(new Error('reply larger than the limit: not read'));
        }
      },
      onResponseData(started, chunk) {
        if (settled) return;
        chunks.push(chunk);
        total += chunk.byteLength;
        if (total > limitBytes) {
          reply(Buffer.concat(chunks, total).subarray(0, limitBytes + 1));
          started.abort(new Error('reply larger than the limit: dropped'));
        }
      },
      onResponseEnd() {
        reply(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total));
      },
      onResponseError(_started, error) {
        finish(() => reject(signal?.aborted ? signal.reason : error));
      },
    });
  });
}
