import { TargetError } from '../../core/errors.js';
import { abortReason, badResponseError, httpStatusError, transportError, type FailureScope } from '../http-failure.js';

/** One open WebSocket to the app, with the messages it sent that nobody has read yet. */
export type WsConnection = {
  /** True while messages can still be sent and received. */
  readonly open: boolean;
  /** Sends one text frame. */
  send(text: string): void;
  /** The next message the app sends, as text; rejects when the connection fails or closes first, or `signal` aborts. */
  next(signal: AbortSignal): Promise<string>;
  /** Closes the connection at once (no closing handshake to wait for). */
  close(): void;
};

/** What a connection is opened with. */
export type WsDial = {
  /** ws:// or wss:// URL. */
  readonly url: URL;
  /** Handshake request headers. */
  readonly headers: Readonly<Record<string, string>>;
  /** Largest message read; a larger one fails the reply as too large. */
  readonly limitBytes: number;
  /** Names the target in errors and redacts its secrets. */
  readonly scope: FailureScope;
};

// Close codes that say the app rejects what was sent (RFC 6455 §7.4.1): trying the same again will not help.
const refusingCloseCodes = new Set([1002, 1003, 1007, 1008, 1010]);

/**
 * Opens a WebSocket (the `ws` package: Node 20 has no WebSocket client). A handshake answered with an HTTP status
 * fails like the http target's replies (401 final, 429/5xx retryable with Retry-After); an abort closes the socket.
 * `ws` is loaded on the first connection, so a scan of any other target never loads it.
 */
export async function openWsConnection(dial: WsDial, signal: AbortSignal): Promise<WsConnection> {
  const { scope } = dial;
  const { WebSocket } = await import('ws');
  // A redirect would carry the headers (tokens) elsewhere: it is reported as its status, never followed.
  const socket = new WebSocket(dial.url, { headers: { ...dial.headers }, maxPayload: dial.limitBytes, followRedirects: false, perMessageDeflate: false });
  const inbox: string[] = [];
  const waiting: { resolve: (text: string) => void; reject: (error: unknown) => void }[] = [];
  let failure: unknown;
  const fail = (error: unknown): void => {
    failure ??= error;
    for (const waiter of waiting.splice(0)) waiter.reject(failure);
  };
  socket.on('message', (data, isBinary) => {
    const text = isBinary ? Buffer.from(data as Buffer).toString('utf8') : String(data);
    const waiter = waiting.shift();
    if (waiter) waiter.resolve(text);
    else inbox.push(text);
  });
  socket.on('error', (error: Error & { code?: string }) => {
    fail(error.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' ? badResponseError(scope, `reply larger than ${dial.limitBytes / (1024 * 1024)} MiB`) : transportError(scope, error));
  });
  socket.on('close', (code, reason) => fail(closedError(scope, { code, reason: reason.toString('utf8') })));
  const connection: WsConnection = {
    get open() {
      return socket.readyState === WebSocket.OPEN && failure === undefined;
    },
    send: (text) => socket.send(text),
    next: (nextSignal) => {
      if (nextSignal.aborted) return Promise.reject(abortReason(scope, nextSignal));
      const queued = inbox.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      if (failure !== undefined) return Promise.reject(failure);
      return new Promise<string>((resolve, reject) => {
        const waiter = { resolve, reject };
        waiting.push(waiter);
        const onAbort = (): void => {
          waiting.splice(waiting.indexOf(waiter), 1);
          reject(abortReason(scope, nextSignal));
        };
        nextSignal.addEventListener('abort', onAbort, { once: true });
        const done = (): void => nextSignal.removeEventListener('abort', onAbort);
        waiter.resolve = (text) => (done(), resolve(text));
        waiter.reject = (error) => (done(), reject(error));
      });
    },
    close: () => socket.terminate(),
  };
  return new Promise<WsConnection>((resolve, reject) => {
    const onAbort = (): void => {
      socket.terminate();
      reject(abortReason(scope, signal));
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('unexpected-response', (request, response) => {
      const headers = { get: (name: string) => String(response.headers[name.toLowerCase()] ?? '') || null };
      fail(httpStatusError(scope, { status: response.statusCode ?? 0, headers, nowMs: Date.now() }));
      request.destroy();
      socket.terminate();
    });
    socket.once('open', () => {
      signal.removeEventListener('abort', onAbort);
      resolve(connection);
    });
    socket.once('close', () => {
      signal.removeEventListener('abort', onAbort);
      reject(failure);
    });
  });
}

/** The error for a connection that closed before the reply was complete. */
function closedError(scope: FailureScope, closed: { code: number; reason: string }): TargetError {
  const detail = `connection closed before the reply (code ${closed.code}${closed.reason ? `: ${closed.reason}` : ''})`;
  if (refusingCloseCodes.has(closed.code)) return badResponseError(scope, detail);
  return new TargetError(`network failure: ${detail}`, { targetId: scope.targetId, kind: 'network', retryable: true });
}
