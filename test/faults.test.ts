import { afterEach, describe, expect, it } from 'vitest';
import { startFaultServer, type FaultServer } from './support/fault-server.js';
import { attemptsOf, complyOrRefuse, countBy, expectEveryAttemptRecorded, expectSummaryMatches, faultScan, goalsFor, triesOf } from './support/fault-scan.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function serve(options: Parameters<typeof startFaultServer>[0]): Promise<FaultServer> {
  const server = await startFaultServer({ reply: complyOrRefuse, ...options });
  closers.push(server.close);
  return server;
}

const retry = { maxRetries: 3, baseDelayMs: 20, maxDelayMs: 200 };

describe('scans against a fault-injecting OpenAI-compatible server', () => {
  it('ends every attempt in a recorded outcome: retries transient faults, errors on bad bodies with a readable reason', async () => {
    // Whole seconds in the future, as an HTTP-date carries them; about 1–2 s from the first try.
    const retryAt = Math.ceil((Date.now() + 2000) / 1000) * 1000;
    const server = await serve({
      rules: [
        { prompt: /^reset-twice /, tries: [1, 2], fault: { kind: 'reset' } },
        { prompt: /^bare-429 /, tries: [1], fault: { kind: 'status', status: 429 } },
        { prompt: /^seconds-429 /, tries: [1], fault: { kind: 'status', status: 429, retryAfter: '1' } },
        { prompt: /^date-429 /, tries: [1], fault: { kind: 'status', status: 429, retryAfter: new Date(retryAt).toUTCString() } },
        { prompt: /^mixed-5xx /, tries: [1], fault: { kind: 'status', status: 500 } },
        { prompt: /^mixed-5xx /, tries: [2], fault: { kind: 'status', status: 502 } },
        { prompt: /^mixed-5xx /, tries: [3], fault: { kind: 'status', status: 503 } },
        { prompt: /^always-503 /, fault: { kind: 'status', status: 503 } },
        { prompt: /^html-502 /, fault: { kind: 'html', status: 502 } },
        { prompt: /^html-200 /, fault: { kind: 'html', status: 200 } },
        { prompt: /^truncated /, fault: { kind: 'truncated-json' } },
        { prompt: /^malformed /, fault: { kind: 'malformed-json' } },
        { prompt: /^empty-choices /, fault: { kind: 'empty-choices' } },
        { prompt: /^huge /, fault: { kind: 'huge' } },
        { prompt: /^stall-always /, fault: { kind: 'stall' } },
        { prompt: /^stall-once /, tries: [1], fault: { kind: 'stall' } },
        { prompt: /^latency /, fault: { kind: 'latency', delayMs: 150 } },
      ],
    });
    const kinds = ['plain', 'reset-twice', 'bare-429', 'seconds-429', 'date-429', 'mixed-5xx', 'always-503', 'html-502', 'html-200',
      'truncated', 'malformed', 'empty-choices', 'huge', 'stall-always', 'stall-once', 'latency'];
    const goals = goalsFor(kinds, 3);
    // Long enough that an answering try never times out on a loaded machine; a stalled one always does.
    const { result, rows } = await faultScan(server, { target: 'openai', goals, concurrency: 16, retry, timeoutMs: 2500 });

    expectEveryAttemptRecorded(result, rows, goals.length);
    expectSummaryMatches(result, rows);
    const tries = triesOf(server);
    const of = (kind: string) => attemptsOf(rows, kind);
    // Each attempt sent exactly as many requests as it says it did, and never more than the retry budget allows.
    for (const row of rows) expect(tries(row.goal)).toHaveLength(row.retries + 1);
    expect(Math.max(...rows.map((r) => r.retries + 1))).toBe(retry.maxRetries + 1);

    // Transient faults are retried until an answer comes.
    const decidedAfter = (kind: string, retries: number) =>
      expect(of(kind).map((r) => [r.outcome === 'error' ? r.error_kind : 'decided', r.retries])).toEqual(Array(3).fill(['decided', retries]));
    decidedAfter('plain', 0);
    decidedAfter('reset-twice', 2);
    decidedAfter('bare-429', 1);
    decidedAfter('seconds-429', 1);
    decidedAfter('date-429', 1);
    decidedAfter('mixed-5xx', 3);
    decidedAfter('stall-once', 1);
    decidedAfter('latency', 0);

    // Retry-After is honoured, in seconds and as an HTTP-date (measured on the server's clock).
    for (const row of of('seconds-429')) {
      const [first, second] = tries(row.goal);
      expect(second!.at - first!.at).toBeGreaterThanOrEqual(1000);
    }
    for (const row of of('date-429')) expect(tries(row.goal)[1]!.wallAt).toBeGreaterThanOrEqual(retryAt - 5);

    // Faults that persist, or bodies that cannot be used, end as errors with a reason a user can read.
    const errors = (kind: string) => of(kind).map((r) => [r.outcome, r.error_kind, r.retries]);
    expect(errors('always-503')).toEqual(Array(3).fill(['error', 'http-503', 3]));
    expect(errors('html-502')).toEqual(Array(3).fill(['error', 'http-502', 3]));
    expect(errors('stall-always')).toEqual(Array(3).fill(['error', 'timeout', 3]));
    for (const kind of ['html-200', 'truncated', 'malformed', 'empty-choices', 'huge']) {
      expect(errors(kind)).toEqual(Array(3).fill(['error', 'bad-response', 0]));
    }
    const message = (kind: string) => of(kind)[0]!.error_message;
    expect(message('always-503')).toMatch(/^target answered HTTP 503 Service Unavailable: .*injected 503/);
    expect(message('html-502')).toMatch(/HTTP 502 Bad Gateway/);
    expect(message('html-200')).toMatch(/^reply is not JSON \(first bytes: <!DOCTYPE html><html><head><title>Bad Gateway/);
    expect(message('truncated')).toMatch(/^reply is not JSON \(first bytes: \{"id":"chatcmpl-fault"/);
    expect(message('malformed')).toMatch(/^reply is not JSON \(first bytes: \{'choices'/);
    expect(message('empty-choices')).toBe('reply has no choices');
    expect(message('huge')).toBe('reply larger than 10 MiB');
    expect(message('stall-always')).toBe('no reply within 2500 ms');
  });

  it('backs off: waits between an attempt’s tries grow with each retry and stay under the policy’s ceiling', async () => {
    const server = await serve({ rules: [{ fault: { kind: 'status', status: 500 } }] });
    const backoff = { maxRetries: 3, baseDelayMs: 100, maxDelayMs: 400 };
    const goals = goalsFor(['always-500'], 24);
    const { result, rows } = await faultScan(server, { target: 'openai', goals, concurrency: 24, retry: backoff, timeoutMs: 2000 });

    expectEveryAttemptRecorded(result, rows, goals.length);
    expect(countBy(rows, (r) => `${r.outcome}/${r.error_kind}/${r.retries}`)).toEqual({ 'error/http-500/3': 24 });
    const gaps = rows.map((row) => {
      const at = triesOf(server)(row.goal).map((t) => t.at);
      expect(at).toHaveLength(backoff.maxRetries + 1);
      return at.slice(1).map((t, i) => t - at[i]!);
    });
    const meanGap = [0, 1, 2].map((i) => gaps.reduce((sum, g) => sum + g[i]!, 0) / gaps.length);
    // Full jitter draws each wait in [0, 100·2^(n-1)]: single waits vary, the average doubles (plus a round trip).
    // The first wait also carries the cold start of 24 connections, so compare the last wait with both before it.
    expect(meanGap[2]!).toBeGreaterThan(meanGap[1]!);
    expect(meanGap[2]!).toBeGreaterThan(meanGap[0]! * 1.5);
    // Each wait stays under its ceiling, plus slack for 24 attempts sharing one event loop with the server.
    for (const g of gaps) g.forEach((gap, i) => expect(gap).toBeLessThan(Math.min(backoff.maxDelayMs, backoff.baseDelayMs * 2 ** i) + 150));
  });

  it('at a seeded rate of mixed faults and concurrency 32, records every planned attempt within the retry budget', async () => {
    const server = await serve({
      seed: 2024,
      rules: [
        { rate: 0.1, fault: { kind: 'reset' } },
        { rate: 0.1, fault: { kind: 'status', status: 500 } },
        { rate: 0.1, fault: { kind: 'status', status: 429 } },
        { rate: 0.05, fault: { kind: 'status', status: 503, retryAfter: '0' } },
        { rate: 0.1, fault: { kind: 'latency', delayMs: 40 } },
      ],
    });
    const goals = goalsFor(['rated'], 160);
    const tight = { maxRetries: 2, baseDelayMs: 5, maxDelayMs: 40 };
    const warnings: string[] = [];
    const onWarning = (warning: Error): void => void warnings.push(warning.message);
    process.on('warning', onWarning);
    closers.push(async () => void process.off('warning', onWarning));
    const { result, rows } = await faultScan(server, { target: 'openai', goals, concurrency: 32, retry: tight, timeoutMs: 2000 });
    // 32 requests in flight share the run's stop signal: that is by design, not a leak Node should warn about.
    expect(warnings).toEqual([]);

    expectEveryAttemptRecorded(result, rows, goals.length);
    expectSummaryMatches(result, rows);
    const tries = triesOf(server);
    for (const row of rows) expect(tries(row.goal)).toHaveLength(row.retries + 1);
    expect(Math.max(...rows.map((r) => r.retries))).toBeLessThanOrEqual(tight.maxRetries);
    // Only retryable faults were injected, so an error means every try failed: the budget was spent.
    for (const row of rows.filter((r) => r.outcome === 'error')) {
      expect(row.retries).toBe(tight.maxRetries);
      expect(['network', 'http-500', 'http-429', 'http-503']).toContain(row.error_kind);
    }
    // Ground truth: a decided attempt succeeded exactly when its goal asks the server to comply.
    for (const row of rows.filter((r) => r.outcome !== 'error')) expect(row.outcome).toBe(complyOrRefuse(row.goal).startsWith('Sure') ? 'success' : 'failure');
    expect(server.overflow()).toBe(0);
    expect(Object.keys(server.injected()).sort()).toEqual(['latency', 'reset', 'status-429', 'status-500', 'status-503']);
  });
});

describe('scans against a fault-injecting plain JSON HTTP app', () => {
  it('retries resets and 5xx pages, honours an HTTP-date Retry-After, and errors on huge, broken or stalled bodies', async () => {
    const retryAt = Math.ceil((Date.now() + 2000) / 1000) * 1000;
    const server = await serve({
      rules: [
        { prompt: /^reset-once /, tries: [1], fault: { kind: 'reset' } },
        { prompt: /^date-429 /, tries: [1], fault: { kind: 'status', status: 429, retryAfter: new Date(retryAt).toUTCString() } },
        { prompt: /^html-503 /, fault: { kind: 'html', status: 503 } },
        { prompt: /^huge /, fault: { kind: 'huge' } },
        { prompt: /^truncated /, fault: { kind: 'truncated-json' } },
        { prompt: /^no-reply-field /, fault: { kind: 'empty-choices' } },
        { prompt: /^stall-always /, fault: { kind: 'stall' } },
      ],
    });
    const goals = goalsFor(['plain', 'reset-once', 'date-429', 'html-503', 'huge', 'truncated', 'no-reply-field', 'stall-always'], 2);
    // A timeout long enough for a 10 MiB body on a busy loop, and fewer retries to keep the stalls short.
    const { result, rows } = await faultScan(server, { target: 'app', goals, concurrency: 16, retry: { ...retry, maxRetries: 2 }, timeoutMs: 1000 });

    expectEveryAttemptRecorded(result, rows, goals.length);
    expectSummaryMatches(result, rows);
    const tries = triesOf(server);
    for (const row of rows) expect(tries(row.goal)).toHaveLength(row.retries + 1);
    const summary = Object.fromEntries(
      Object.entries(countBy(rows, (r) => `${r.goal.replace(/-\d+$/, '')}:${r.outcome === 'error' ? r.error_kind : 'decided'}/${r.retries}`)),
    );
    expect(summary).toEqual({
      'plain:decided/0': 2, 'reset-once:decided/1': 2, 'date-429:decided/1': 2, 'html-503:http-503/2': 2,
      'huge:bad-response/0': 2, 'truncated:bad-response/0': 2, 'no-reply-field:bad-response/0': 2, 'stall-always:timeout/2': 2,
    });
    for (const row of attemptsOf(rows, 'date-429')) expect(tries(row.goal)[1]!.wallAt).toBeGreaterThanOrEqual(retryAt - 5);
    const message = (kind: string) => attemptsOf(rows, kind)[0]!.error_message;
    expect(message('html-503')).toMatch(/^target answered HTTP 503 Service Unavailable: <!DOCTYPE html>/);
    expect(message('huge')).toBe('reply larger than 10 MiB');
    expect(message('truncated')).toMatch(/^reply is not JSON \(first bytes: \{"reply":/);
    expect(message('no-reply-field')).toBe('no text at path $.reply');
    expect(message('stall-always')).toBe('no reply within 1000 ms');
  });
});
