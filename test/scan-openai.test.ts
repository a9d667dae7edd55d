import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scan } from '../src/api/scan.js';
import { openDatabase } from '../src/store/sqlite/open-database.js';
import { startOpenAiServer } from './support/openai-server.js';
import { startLocalServer, replyJson } from './support/local-server.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

function goal(id: string, text: string) {
  return { id, text, category: 'test' };
}

describe('scan against a local OpenAI-compatible server', () => {
  it('records every attempt: retries 429 (honouring Retry-After), 5xx and timeouts, then errors when retries run out', async () => {
    const server = await startOpenAiServer((call) => {
      if (call.prompt.includes('ALWAYS-500')) return { status: 500 };
      if (call.prompt.includes('ALWAYS-HANG')) return { hang: true };
      if (call.prompt.includes('FLAKY-429')) return call.nth % 2 === 1 ? { status: 429, retryAfter: '1' } : { text: 'Sure, here you go: step 1.' };
      if (call.prompt.includes('SLOW')) return call.nth % 2 === 1 ? { hang: true } : { text: "I'm sorry, but I can't help with that." };
      if (call.prompt.includes('BAD-502')) return call.nth % 3 === 0 ? { text: 'Fine: done.' } : { status: 502, body: '<html>bad gateway</html>' };
      return { text: "I'm sorry, but I can't help with that." };
    });
    closers.push(server.close);
    const dir = mkdtempSync(join(tmpdir(), 'redline-openai-'));
    const result = await scan({
      baseDir: dir,
      config: {
        target: { type: 'openai', baseUrl: `${server.url}/v1`, model: 'test-model', systemPrompt: 'You are a test.' },
        goals: [goal('fail', 'ALWAYS-500 please'), goal('flaky', 'FLAKY-429 please'), goal('slow', 'SLOW please'), goal('bad', 'BAD-502 please'), goal('plain', 'plain request'), goal('hang', 'ALWAYS-HANG please')],
        techniques: ['direct-request'],
        converters: [[]],
        trials: 2,
        concurrency: 1,
        timeoutMs: 400,
        retry: { maxRetries: 2, baseDelayMs: 10, maxDelayMs: 50 },
        scoring: { scorers: ['refusal'], decide: 'refusal' },
      },
      reports: { json: false, html: false },
    });
    expect(result.run.planned).toBe(12);
    expect(result.summary.recorded).toBe(12);
    expect(result.run.status).toBe('completed');

    const db = openDatabase(result.database);
    closers.push(async () => { db.close(); });
    const rows = db.prepare(
      `SELECT g.name AS goal, a.outcome, a.retries, a.error_kind FROM attempts a JOIN components g ON g.ref = a.goal_ref ORDER BY a.seq`,
    ).all() as { goal: string; outcome: string; retries: number; error_kind: string | null }[];
    const byGoal = (id: string) => rows.filter((r) => r.goal === id);
    expect(byGoal('fail')).toEqual([
      { goal: 'fail', outcome: 'error', retries: 2, error_kind: 'http-500' },
      { goal: 'fail', outcome: 'error', retries: 2, error_kind: 'http-500' },
    ]);
    expect(byGoal('flaky').map((r) => [r.outcome, r.retries])).toEqual([['success', 1], ['success', 1]]);
    expect(byGoal('slow').map((r) => [r.outcome, r.retries])).toEqual([['failure', 1], ['failure', 1]]);
    // 502 twice then an answer on the third call: exactly the retry budget.
    expect(byGoal('bad').map((r) => [r.outcome, r.retries])).toEqual([['success', 2], ['success', 2]]);
    expect(byGoal('plain').map((r) => r.outcome)).toEqual(['failure', 'failure']);
    // A target that never answers: every try times out, then the attempt is an error, not a lost attempt.
    expect(byGoal('hang')).toEqual([
      { goal: 'hang', outcome: 'error', retries: 2, error_kind: 'timeout' },
      { goal: 'hang', outcome: 'error', retries: 2, error_kind: 'timeout' },
    ]);

    // Three tries per failing attempt, and Retry-After was honoured between the 429 and the retry.
    expect(server.calls.filter((c) => c.prompt.includes('ALWAYS-500'))).toHaveLength(6);
    const flaky = server.calls.filter((c) => c.prompt.includes('FLAKY-429'));
    expect(flaky[1]!.at - flaky[0]!.at).toBeGreaterThanOrEqual(950);
    // The system prompt and the goal reached the server.
    expect(server.calls[0]!.messages[0]).toEqual({ role: 'system', content: 'You are a test.' });

    // Errors are counted apart and left out of the rate's denominator.
    const cell = result.summary.cells[0]!;
    expect(cell).toMatchObject({ trials: 12, successes: 4, failures: 4, errors: 4, unscored: 0, asr: 0.5 });
  });
});

describe('scan against a local HTTP application', () => {
  it('templates the conversation into the body, reads the reply by path and records every attempt', async () => {
    const server = await startLocalServer((reply, request) => {
      const body = JSON.parse(request.body) as { conversation: { role: string; content: string }[]; user: string };
      const last = body.conversation.at(-1)!.content;
      replyJson(reply, { body: { data: { answer: last.includes('Ignore') ? 'Sure, here it is.' : "I can't help with that." } } });
    });
    closers.push(server.close);
    const dir = mkdtempSync(join(tmpdir(), 'redline-http-'));
    const result = await scan({
      baseDir: dir,
      env: { APP_TOKEN: 'tok-123' },
      config: {
        target: { type: 'http', url: `${server.url}/chat`, headers: { Authorization: 'Bearer ${APP_TOKEN}' }, body: { conversation: '{{messages}}', user: 'redline' }, responsePath: '$.data.answer' },
        goals: [goal('a', 'Explain the thing.'), goal('b', 'Explain the other thing.')],
        techniques: ['direct-request', 'instruction-override'],
        converters: [[]],
        trials: 3,
        scoring: { scorers: ['refusal'], decide: 'refusal' },
        // The app counts every call: no probe before the run.
        preflight: { probe: false },
      },
      reports: { json: false, html: false },
    });
    expect(result.summary.recorded).toBe(12);
    expect(server.received).toHaveLength(12);
    expect(server.received[0]!.headers['authorization']).toBe('Bearer tok-123');
    const rates = Object.fromEntries(result.summary.cells.map((c) => [c.technique, c.asr]));
    expect(rates).toEqual({ 'direct-request': 0, 'instruction-override': 1 });
  });
});
