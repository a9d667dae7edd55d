import { describe, expect, it } from 'vitest';
import { TargetError } from '../core/errors.js';
import { httpStatusError, parseRetryAfter, raceAbort, redactExcerpt, transportError } from './http-failure.js';

const scope = { targetId: 't', secrets: ['sk-test-CANARY-1234'] };
const now = Date.parse('2025-01-01T00:00:00Z');

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP-dates, never negative', () => {
    expect(parseRetryAfter('2', now)).toBe(2000);
    expect(parseRetryAfter(' 0.5 ', now)).toBe(500);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Tue, 31 Dec 2024 23:00:00 GMT', now)).toBe(0);
  });

  it.each([null, undefined, '', 'soon', '-5', '1e3'])('ignores %s', (value) => {
    expect(parseRetryAfter(value, now)).toBeUndefined();
  });
});

describe('httpStatusError', () => {
  it.each([
    [408, true], [409, true], [425, true], [429, true], [500, true], [503, true], [599, true],
    [400, false], [401, false], [403, false], [404, false], [422, false],
  ])('status %i retryable=%s', (status, retryable) => {
    expect(httpStatusError(scope, { status, nowMs: now })).toMatchObject({ kind: `http-${status}`, status, retryable });
  });

  it('prefers retry-after-ms and writes one redacted line', () => {
    const headers = new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' });
    const error = httpStatusError(scope, { status: 429, headers, body: 'key\nsk-test-CANARY-1234\n rejected', nowMs: now });
    expect(error.retryAfterMs).toBe(1500);
    expect(error.message).toBe('target answered HTTP 429 Too Many Requests (retry after 1500 ms): key *** rejected');
  });
});

describe('redactExcerpt', () => {
  it('redacts before cutting, so no part of a secret survives', () => {
    const text = `${'x'.repeat(195)}sk-test-CANARY-1234`;
    expect(redactExcerpt(text, scope.secrets)).not.toContain('sk-test');
  });
});

describe('transportError', () => {
  const fetchFailure = (code: string, message: string): Error =>
    new TypeError('fetch failed', { cause: Object.assign(new Error(message), { code }) });

  it.each([
    ['ECONNRESET', 'read ECONNRESET', 'network'],
    ['ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:1', 'network'],
    ['UND_ERR_SOCKET', 'other side closed', 'network'],
    ['UND_ERR_HEADERS_TIMEOUT', 'Headers Timeout Error', 'timeout'],
  ])('maps %s to %s', (code, message, kind) => {
    expect(transportError(scope, fetchFailure(code, message))).toMatchObject({ kind, retryable: true });
  });

  it('maps socket hang up and unknown failures', () => {
    expect(transportError(scope, new Error('socket hang up')).kind).toBe('network');
    expect(transportError(scope, new RangeError('odd'))).toMatchObject({ kind: 'unexpected', retryable: false });
  });

  it('passes a TargetError through', () => {
    const original = new TargetError('x', { targetId: 't', kind: 'bad-response', retryable: false });
    expect(transportError(scope, original)).toBe(original);
  });
});

describe('raceAbort', () => {
  it('rejects with the signal reason as soon as it aborts', async () => {
    const controller = new AbortController();
    const never = new Promise<string>(() => undefined);
    const raced = raceAbort(scope, { promise: never, signal: controller.signal });
    controller.abort('ctrl-c');
    await expect(raced).rejects.toBe('ctrl-c');
  });

  it('rejects at once for a signal that already aborted', async () => {
    const reason = new Error('timeout');
    await expect(raceAbort(scope, { promise: Promise.resolve(1), signal: AbortSignal.abort(reason) })).rejects.toBe(reason);
  });
});
