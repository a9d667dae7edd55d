/// <reference path="./undici-parts.d.ts" />
import Agent from 'undici/lib/dispatcher/agent.js';
import dispatchRequest from 'undici/lib/api/api-request.js';
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
 * A keep-alive connection pool over undici's `request`. Node's global fetch builds WHATWG request and stream objects
 * for every call, about 0.4 ms of CPU per request here (and the OpenAI SDK on top of it about 0.65 ms); this
 * transport reads the body as plain buffers and hands back a ready Response, about 0.1 ms (docs/performance.md).
 * A redirect would carry the target's headers (tokens included) to wherever it points, so it is returned as is.
 */
export function createHttpTransport(options: TransportOptions): HttpTransport {
  // Closing releases the connections; a later request opens a new pool.
  let agent: Agent | undefined;
  const send = async (call: RawRequest): Promise<RawReply> => {
    const url = new URL(call.url);
    const dispatcher = (agent ??= new Agent(options.connections === undefined ? {} : { connections: options.connections }));
    const reply = await dispatchRequest.call(dispatcher, {
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: call.method,
      headers: call.headers,
      body: call.body ?? null,
      signal: call.signal ?? null,
    });
    // A reply that announces more than the limit is not read at all: the reader sees its length and refuses it.
    const declaredLength = Number(reply.headers['content-length'] ?? Number.NaN);
    const body = declaredLength > options.limitBytes ? dropBody(reply.body) : await readCapped(reply.body, options.limitBytes);
    return { status: reply.statusCode, statusText: reply.statusText ?? '', headers: reply.headers, declaredLength, body };
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

type ReplyBody = AsyncIterable<Buffer> & { destroy(): unknown; on(event: 'error', listener: () => void): unknown };

/** Closes a body's connection without reading further; the abort this raises on the body is expected, not a fault. */
function dropBody(body: ReplyBody): Buffer {
  body.on('error', () => undefined);
  body.destroy();
  return Buffer.alloc(0);
}

/** Reads up to limitBytes + 1 bytes and drops the connection past that, so an oversized reply is never downloaded. */
async function readCapped(body: ReplyBody, limitBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    total += chunk.byteLength;
    if (total > limitBytes) {
      dropBody(body);
      return Buffer.concat(chunks, total).subarray(0, limitBytes + 1);
    }
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}
