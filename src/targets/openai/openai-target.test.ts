import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import type { TargetRequest } from '../../core/target.js';
import {
  everythingPrinted,
  replyJson,
  startLocalServer,
  targetFailure,
  testContext,
  type LocalHandler,
  type LocalServer,
} from '../../../test/support/local-server.js';
import { createOpenAiTarget } from './openai-target.js';

const canary = 'sk-test-CANARY-1234';
const request: TargetRequest = {
  messages: [
    { role: 'user', content: 'hi' },
    { role: 'assistant', content: 'hello' },
    { role: 'user', content: 'tell me the secret' },
  ],
  seed: 1,
};
const completion = (message: unknown, finishReason = 'stop'): unknown => ({
  id: 'c1',
  object: 'chat.completion',
  choices: [{ index: 0, message, finish_reason: finishReason }],
  usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 },
});

describe('createOpenAiTarget', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function targetFor(handle: LocalHandler, extra: Record<string, unknown> = {}) {
    server = await startLocalServer(handle);
    return createOpenAiTarget(
      { type: 'openai', baseUrl: `${server.url}/v1`, model: 'gpt-test', apiKeyEnv: 'TEST_KEY', ...extra },
      testContext({ TEST_KEY: canary, TEAM: 'blue' }),
    );
  }

  it('sends the system prompt, history and settings, and returns text, usage and finish reason', async () => {
    const target = await targetFor((reply) => replyJson(reply, { body: completion({ role: 'assistant', content: 'no.' }) }), {
      systemPrompt: 'You are a bank bot.',
      temperature: 0.3,
      maxTokens: 50,
      headers: { 'x-team': 'team-${TEAM}' },
      extraBody: { seed: 7 },
    });
    const response = await target.send(request, new AbortController().signal);
    expect(response).toEqual({
      text: 'no.',
      usage: { promptTokens: 12, completionTokens: 3 },
      metadata: { finishReason: 'stop' },
    });
    const [received] = server!.received;
    expect(received?.path).toBe('/v1/chat/completions');
    expect(received?.headers['authorization']).toBe(`Bearer ${canary}`);
    expect(received?.headers['x-team']).toBe('team-blue');
    expect(JSON.parse(received?.body ?? '')).toEqual({
      seed: 7,
      model: 'gpt-test',
      messages: [{ role: 'system', content: 'You are a bank bot.' }, ...request.messages],
      temperature: 0.3,
      max_tokens: 50,
    });
    expect(target.id).toBe(`openai:gpt-test@${new URL(server!.url).host}`);
    expect(target.capabilities).toEqual({ multiTurn: true, systemPrompt: true, documents: false, network: true });
  });

  it('sends a placeholder key and no system message when none is configured', async () => {
    const target = await targetFor((reply) => replyJson(reply, { body: completion({ content: 'ok' }) }), {
      apiKeyEnv: undefined,
    });
    await target.send(request, new AbortController().signal);
    const [received] = server!.received;
    expect(received?.headers['authorization']).toMatch(/^Bearer \S+$/);
    expect(JSON.parse(received?.body ?? '').messages).toEqual(request.messages);
  });

  it('places planted documents where the application would, only when told to take them', async () => {
    const withDocs: TargetRequest = { ...request, documents: ['From: a@b.example\nHello', 'Second'] };
    const inUser = await targetFor((reply) => replyJson(reply, { body: completion({ content: 'ok' }) }), { systemPrompt: 'Be brief.', documents: 'user' });
    expect(inUser.capabilities.documents).toBe(true);
    await inUser.send(withDocs, new AbortController().signal);
    expect(JSON.parse(server!.received[0]?.body ?? '').messages).toEqual([
      { role: 'system', content: 'Be brief.' }, request.messages[0], request.messages[1],
      { role: 'user', content: 'tell me the secret\n\nDocument 1:\nFrom: a@b.example\nHello\n\nDocument 2:\nSecond' },
    ]);
    await server!.close();
    const inSystem = await targetFor((reply) => replyJson(reply, { body: completion({ content: 'ok' }) }), { systemPrompt: 'Be brief.', documents: 'system' });
    await inSystem.send(withDocs, new AbortController().signal);
    expect(JSON.parse(server!.received[0]?.body ?? '').messages).toEqual([
      { role: 'system', content: 'Be brief.' }, { role: 'system', content: 'Document 1:\nFrom: a@b.example\nHello\n\nDocument 2:\nSecond' }, ...request.messages,
    ]);
  });

  it('treats a filtered empty answer as an answer', async () => {
    const target = await targetFor((reply) => replyJson(reply, { body: completion({ content: null }, 'content_filter') }));
    const response = await target.send(request, new AbortController().signal);
    expect(response.text).toBe('');
    expect(response.metadata).toEqual({ finishReason: 'content_filter', contentFilter: true });
  });

  it('reads tool calls as parts (never an empty string), and names the categories a content filter flagged', async () => {
    const calls = [{ id: 'call_1', type: 'function', function: { name: 'send_email', arguments: '{"to":"a@evil.test"}' } }];
    const target = await targetFor((reply) => replyJson(reply, {
      body: { ...(completion({ content: null, tool_calls: calls }, 'tool_calls') as object), prompt_filter_results: [{ content_filter_results: { jailbreak: { filtered: true, detected: true } } }] },
    }));
    const response = await target.send(request, new AbortController().signal);
    expect(response).toMatchObject({
      text: '',
      parts: [{ type: 'tool-call', callId: 'call_1', name: 'send_email', arguments: '{"to":"a@evil.test"}' }],
      metadata: { finishReason: 'tool_calls', contentFilter: 'prompt:jailbreak' },
    });
  });

  it('makes 429 retryable with the Retry-After delay', async () => {
    const target = await targetFor((reply) => {
      reply.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3' });
      reply.end(JSON.stringify({ error: { message: 'slow down' } }));
    });
    const error = await targetFailure(target.send(request, new AbortController().signal));
    expect(error).toMatchObject({ kind: 'http-429', status: 429, retryable: true, retryAfterMs: 3000 });
    expect(error.message).toContain('slow down');
  });

  it('takes the precise retry-after-ms header over Retry-After', async () => {
    const target = await targetFor((reply) => {
      reply.writeHead(429, { 'content-type': 'application/json', 'retry-after': '3', 'retry-after-ms': '1250' });
      reply.end(JSON.stringify({ error: { message: 'slow down' } }));
    });
    const error = await targetFailure(target.send(request, new AbortController().signal));
    expect(error).toMatchObject({ kind: 'http-429', retryable: true, retryAfterMs: 1250 });
  });

  it('quotes an error body that is not JSON, or JSON without an error field', async () => {
    const gateway = await targetFor((reply) => {
      reply.writeHead(502, { 'content-type': 'text/html' });
      reply.end('<html>upstream connect error</html>');
    });
    const error = await targetFailure(gateway.send(request, new AbortController().signal));
    expect(error).toMatchObject({ kind: 'http-502', retryable: true });
    expect(error.message).toContain('upstream connect error');
    await server!.close();
    const detail = await targetFor((reply) => replyJson(reply, { status: 422, body: { detail: 'messages: field required' } }));
    expect((await targetFailure(detail.send(request, new AbortController().signal))).message).toContain('messages: field required');
  });

  it.each([500, 503])('makes %i retryable', async (status) => {
    const target = await targetFor((reply) => replyJson(reply, { status, body: { error: { message: 'down' } } }));
    const error = await targetFailure(target.send(request, new AbortController().signal));
    expect(error).toMatchObject({ kind: `http-${status}`, status, retryable: true });
  });

  it('does not retry 400', async () => {
    const target = await targetFor((reply) => replyJson(reply, { status: 400, body: { error: { message: 'bad model' } } }));
    const error = await targetFailure(target.send(request, new AbortController().signal));
    expect(error).toMatchObject({ kind: 'http-400', status: 400, retryable: false });
    expect(error.message).toContain('bad model');
  });

  it('names a malformed body as bad-response', async () => {
    const target = await targetFor((reply) => {
      reply.writeHead(200, { 'content-type': 'application/json' });
      reply.end('<html>gateway</html>');
    });
    const error = await targetFailure(target.send(request, new AbortController().signal));
    expect(error).toMatchObject({ kind: 'bad-response', retryable: false });
    expect(error.message).toContain('reply is not JSON (first bytes: <html>gateway');
  });

  it('names empty choices as bad-response', async () => {
    const target = await targetFor((reply) => replyJson(reply, { body: { choices: [] } }));
    const error = await targetFailure(target.send(request, new AbortController().signal));
    expect(error).toMatchObject({ kind: 'bad-response', message: 'reply has no choices' });
  });

  it('reports a redirect instead of following it with the key', async () => {
    const target = await targetFor((reply, { path }) => {
      if (path.startsWith('/moved')) return replyJson(reply, { body: completion({ content: 'leaked' }) });
      reply.writeHead(307, { location: '/moved/chat/completions' });
      reply.end();
    });
    const error = await targetFailure(target.send(request, new AbortController().signal));
    expect(error).toMatchObject({ kind: 'http-307', retryable: false });
    expect(server!.received).toHaveLength(1);
  });

  it('maps a reset connection to a retryable network failure', async () => {
    const target = await targetFor((_reply, { raw }) => raw.socket.destroy());
    const error = await targetFailure(target.send(request, new AbortController().signal));
    expect(error).toMatchObject({ kind: 'network', retryable: true });
  });

  it('rejects promptly with the abort reason while the server is silent', async () => {
    const target = await targetFor(() => undefined);
    const controller = new AbortController();
    const reason = new Error('engine timeout');
    const started = Date.now();
    setTimeout(() => controller.abort(reason), 50);
    await expect(target.send(request, controller.signal)).rejects.toBe(reason);
    // The server never answers: without the abort this would wait for the request timeout (minutes).
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('never puts the key in an error, even when the server echoes it', async () => {
    for (const status of [401, 500]) {
      const target = await targetFor((reply, { headers }) =>
        replyJson(reply, { status, body: { error: { message: `bad key ${headers['authorization']}` } } }),
      );
      const error = await targetFailure(target.send(request, new AbortController().signal));
      expect(error.message).toContain('bad key Bearer ***');
      expect(everythingPrinted(error)).not.toContain(canary);
      await server?.close();
    }
  });

  it('refuses a missing key variable with a ConfigError that says what to export', () => {
    const create = () =>
      createOpenAiTarget({ type: 'openai', model: 'm', apiKeyEnv: 'MISSING_KEY' }, testContext({ MISSING_KEY: '' }));
    expect(create).toThrow(ConfigError);
    expect(create).toThrow(
      expect.objectContaining({ file: 'redline.test.yaml', path: 'target.apiKeyEnv', hint: 'export MISSING_KEY=...' }),
    );
  });

  it('refuses a key written where its variable name belongs, without repeating it', () => {
    const error = (() => {
      try {
        createOpenAiTarget({ type: 'openai', model: 'm', apiKeyEnv: canary }, testContext({}));
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toMatchObject({ path: 'target.apiKeyEnv' });
    expect(everythingPrinted(error)).not.toContain(canary);
  });

  it('refuses a header that references a missing variable', () => {
    expect(() =>
      createOpenAiTarget({ type: 'openai', model: 'm', headers: { 'x-token': '${NOPE}' } }, testContext({})),
    ).toThrow(expect.objectContaining({ path: 'target.headers.x-token', message: expect.stringContaining('NOPE') }));
  });
});
