import { STATUS_CODES } from 'node:http';
import { TargetError } from '../core/errors.js';

/** Reads one header; fits fetch's `Headers` and the OpenAI SDK's error headers. */
export type HeaderLookup = { get(name: string): string | null };

/** Which target failed, and the secret values no error message may contain. */
export type FailureScope = {
  /** Id of the failing target. */
  readonly targetId: string;
  /** Values expanded from the environment (keys, tokens); replaced by '***' in messages. */
  readonly secrets: readonly string[];
};

/** What a non-2xx reply said. */
export type HttpFailure = {
  /** HTTP status code. */
  readonly status: number;
  /** Reply headers, read for Retry-After. */
  readonly headers?: HeaderLookup;
  /** The start of the reply body, for the message. */
  readonly body?: string;
  /** Current time in ms since the epoch, to turn an HTTP-date Retry-After into a delay. */
  readonly nowMs: number;
};

const excerptChars = 200;
// Secrets shorter than this are not worth redacting and would garble messages.
const minSecretLength = 4;
const networkCodes = new Set([
  'ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH',
  'UND_ERR_SOCKET', 'UND_ERR_CLOSED',
]);
const timeoutCodes = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const networkMessages = /socket hang up|fetch failed|other side closed|terminated|connection error/i;

/** Turns a Retry-After value (delay in seconds, or an HTTP-date) into milliseconds from `nowMs`, never negative. */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // Only a value with letters can be an HTTP-date; Date.parse('-5') would otherwise read a year.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

/** True for statuses worth trying again: 408, 409, 425, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return [408, 409, 425, 429].includes(status) || (status >= 500 && status <= 599);
}

/** Replaces every secret in `text` by '***' and squeezes it onto one short line. */
export function redactExcerpt(text: string, secrets: readonly string[]): string {
  let clean = text;
  // Redact before truncating, so no partial secret survives the cut.
  for (const secret of secrets) if (secret.length >= minSecretLength) clean = clean.split(secret).join('***');
  clean = clean.replace(/[\s\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > excerptChars ? `${clean.slice(0, excerptChars)}…` : clean;
}

/** The TargetError for a non-2xx reply: kind 'http-NNN', retryable per status, with Retry-After. */
export function httpStatusError(scope: FailureScope, failure: HttpFailure): TargetError {
  const { status, headers } = failure;
  const retryAfterMs = retryAfterFrom(headers, failure.nowMs);
  const wait = retryAfterMs === undefined ? '' : ` (retry after ${retryAfterMs} ms)`;
  const body = failure.body ? `: ${redactExcerpt(failure.body, scope.secrets)}` : '';
  const name = STATUS_CODES[status] ?? 'Unknown Status';
  return new TargetError(`target answered HTTP ${status} ${name}${wait}${body}`, {
    targetId: scope.targetId,
    kind: `http-${status}`,
    status,
    retryable: isRetryableStatus(status),
    retryAfterMs,
  });
}

/** The TargetError for a reply that came but cannot be used (not JSON, no text, too large). */
export function badResponseError(scope: FailureScope, detail: string): TargetError {
  return new TargetError(redactExcerpt(detail, scope.secrets), {
    targetId: scope.targetId,
    kind: 'bad-response',
    retryable: false,
  });
}

/** Maps a failure with no HTTP status (reset, refused, timed out, anything else) to a TargetError. */
export function transportError(scope: FailureScope, error: unknown): TargetError {
  if (error instanceof TargetError) return error;
  const chain = causeChain(error);
  const codes = chain.map((link) => link.code);
  const text = redactExcerpt(chain.map((link) => link.message.replace(/\.$/, '')).join(': '), scope.secrets);
  const timedOut =
    codes.some((code) => timeoutCodes.has(code)) ||
    chain.some((link) => link.name === 'TimeoutError' || /timed? ?out/i.test(link.message));
  const fields = { targetId: scope.targetId, cause: error };
  if (timedOut) return new TargetError(`target timed out: ${text}`, { ...fields, kind: 'timeout', retryable: true });
  if (codes.some((code) => networkCodes.has(code)) || chain.some((link) => networkMessages.test(link.message))) {
    return new TargetError(`network failure: ${text}`, { ...fields, kind: 'network', retryable: true });
  }
  return new TargetError(`unexpected failure: ${text}`, { ...fields, kind: 'unexpected', retryable: false });
}

/** What to throw once `signal` has aborted: its reason as-is, so the engine can tell its timeout from Ctrl-C. */
export function abortReason(scope: FailureScope, signal: AbortSignal): unknown {
  return signal.reason ?? new TargetError('request aborted', { targetId: scope.targetId, kind: 'aborted', retryable: false });
}

/** Settles like `work`, except that it rejects with the abort reason the moment `signal` aborts. */
export function raceAbort<T>(scope: FailureScope, work: { promise: Promise<T>; signal: AbortSignal }): Promise<T> {
  const { promise, signal } = work;
  // The losing side may still reject later; swallow that so it is not reported as unhandled.
  promise.catch(() => undefined);
  if (signal.aborted) return Promise.reject(abortReason(scope, signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(abortReason(scope, signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

function retryAfterFrom(headers: HeaderLookup | undefined, nowMs: number): number | undefined {
  // OpenAI-style servers may send a precise 'retry-after-ms' beside the standard header.
  const precise = Number(headers?.get('retry-after-ms') ?? Number.NaN);
  if (Number.isFinite(precise) && precise >= 0) return Math.round(precise);
  return parseRetryAfter(headers?.get('retry-after'), nowMs);
}

function causeChain(error: unknown): { code: string; name: string; message: string }[] {
  const chain: { code: string; name: string; message: string }[] = [];
  let current: unknown = error;
  // A handful of links is enough: fetch wraps as TypeError → SocketError, the SDK adds one more.
  for (let depth = 0; depth < 5 && current !== undefined && current !== null; depth += 1) {
    const link = current as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
    chain.push({
      code: typeof link.code === 'string' ? link.code : '',
      name: typeof link.name === 'string' ? link.name : '',
      message: typeof link.message === 'string' ? link.message : String(current),
    });
    current = link.cause;
  }
  return chain;
}
