import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import type { TargetRequest } from '../../core/target.js';
import {
  everythingPrinted, replyJson, startLocalServer, targetFailure, testContext, type LocalHandler, type LocalServer,
} from '../../../test/support/local-server.js';
import { createAnthropicTarget } from './anthropic-target.js';

const canary = 'sk-ant-test-CANARY-1234';
const request: TargetRequest = {
  messages: [
    { role: 'user', content: 'hi' },
    { role: 'assistant', content: 'hello' },
    { role: 'user', content: 'tell me the secret' },
  ],
  seed: 1,
};
const message = (content: unknown[], stopReason = 'end_turn'): unknown => ({
  id: 'msg_1', type: 'message', role: 'assistant', model: 'claude-test', content, stop_reason: stopReason,
  usage: { input_tokens: 12, output_tokens: 3, cache_read_input_tokens: 4 },
});

describe('createAnthropicTarget', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function targetFor(handle: LocalHandler, extra: Record<string, unknown> = {}) {
    server = await startLocalServer(handle);
    return createAnthropicTarget(
      { type: 'anthropic', baseUrl: server.url, model: 'claude-test', apiKeyEnv: 'TEST_KEY', ...extra },
      testContext({ TEST_KEY: canary }),
    );
  }

  it('posts the system prompt, the conversation and settings to /v1/messages, and returns text, usage and stop reason', async () => {
    const target = await targetFor((reply) => replyJson(reply, { body: message([{ type: 'text', text: 'no.' }]) }), {
      systemPrompt: 'You are a bank bot.', temperature: 0.3, maxTokens: 50,
    });
    const response = await target.send(request, new AbortController().signal);
    expect(response).toEqual({ text: 'no.', usage: { promptTokens: 16, completionTokens: 3 }, metadata: { finishReason: 'end_turn' } });
    const [received] = server!.received;
    expect(received?.method).toBe('POST');
    expect(received?.path).toBe('/v1/messages');
    expect(`${received?.headers['x-api-key'] ?? ''} ${received?.headers['authorization'] ?? ''}`).toContain(canary);
    expect(JSON.parse(received?.body ?? '')).toEqual({
      model: 'claude-test', max_tokens: 50, system: 'You are a bank bot.', temperature: 0.3,
      messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'hello' }, { role: 'user', content: 'tell me the secret' }],
    });
    expect(target.id).toBe(`anthropic:claude-test@${new URL(server!.url).host}`);
    expect(target.capabilities).toEqual({ multiTurn: true, systemPrompt: true, documents: false, network: true });
  });

  it('sends the default max_tokens, no system field when none is set, and joins two user turns in a row', async () => {
    const target = await targetFor((reply) => replyJson(reply, { body: message([{ type: 'text', text: 'ok' }]) }));
    await target.send({ messages: [{ role: 'user', content: 'a' }, { role: 'user', content: 'b' }], seed: 1 }, new AbortController().signal);
    const body = JSON.parse(server!.received[0]?.body ?? '');
    expect(body).toEqual({ model: 'claude-test', max_tokens: 1024, messages: [{ role: 'user', content: 'a\n\nb' }] });
  });

  it('reads tool_use blocks as tool-call parts after the text', async () => {
    const target = await targetFor((reply) => replyJson(reply, {
      body: message([{ type: 'text', text: 'Sending.' }, { type: 'tool_use', id: 'toolu_1', name: 'send_email', input: { to: 'a@evil.test' } }], 'tool_use'),
    }));
    const response = await target.send(request, new AbortController().signal);
    expect(response).toMatchObject({
      text: 'Sending.',
      parts: [{ type: 'text', text: 'Sending.' }, { type: 'tool-call', callId: 'toolu_1', name: 'send_email', arguments: '{"to":"a@evil.test"}' }],
      metadata: { finishReason: 'tool_use' },
    });
  });

  it("flags stop_reason 'refusal' as a refusal by the provider's content filter", async () => {
    const target = await targetFor((reply) => replyJson(reply, { body: message([], 'refusal') }));
    const response = await target.send(request, new AbortController().signal);
    expect(response.text).toBe('');
    expect(response.metadata).toEqual({ finishReason: 'refusal', refusal: true, contentFilter: true });
  });

  it('makes 529 overloaded and 429 retryable (with Retry-After), 401 and 403 not, and sends each once (no SDK retries)', async () => {
    const statuses = [529, 429, 401, 403];
    const target = await targetFor((reply) => {
      const status = statuses[server!.received.length - 1]!;
      reply.writeHead(status, { 'content-type': 'application/json', ...(status === 429 ? { 'retry-after': '3' } : {}) });
      reply.end(JSON.stringify({ type: 'error', error: { type: status === 529 ? 'overloaded_error' : 'error', message: `status ${status}` } }));
    });
    const errors = [];
    for (const _ of statuses) errors.push(await targetFailure(target.send(request, new AbortController().signal)));
    expect(errors.map((e) => [e.kind, e.retryable, e.retryAfterMs])).toEqual([
      ['http-529', true, undefined], ['http-429', true, 3000], ['http-401', false, undefined], ['http-403', false, undefined],
    ]);
    expect(errors[0]!.message).toContain('overloaded_error');
    expect(server!.received).toHaveLength(statuses.length);
  });

  it('never puts the key in an error, even when the server echoes it', async () => {
    for (const status of [401, 500]) {
      const target = await targetFor((reply, { headers }) =>
        replyJson(reply, { status, body: { type: 'error', error: { type: 'x', message: `bad key ${String(headers['x-api-key'])} ${String(headers['authorization'])}` } } }),
      );
      const error = await targetFailure(target.send(request, new AbortController().signal));
      expect(error.message).toContain('bad key');
      expect(everythingPrinted(error)).not.toContain(canary);
      await server?.close();
    }
  });

  it('reports a redirect instead of following it with the key', async () => {
    const target = await targetFor((reply, { path }) => {
      if (path.startsWith('/moved')) return replyJson(reply, { body: message([{ type: 'text', text: 'leaked' }]) });
      reply.writeHead(307, { location: '/moved/v1/messages' });
      reply.end();
    });
    expect(await targetFailure(target.send(request, new AbortController().signal))).toMatchObject({ kind: 'http-307', retryable: false });
    expect(server!.received).toHaveLength(1);
  });

  it('names a reply with no content list as bad-response', async () => {
    const target = await targetFor((reply) => replyJson(reply, { body: { type: 'message' } }));
    expect(await targetFailure(target.send(request, new AbortController().signal))).toMatchObject({ kind: 'bad-response', message: 'reply has no content list' });
  });

  it('refuses a missing key variable, and a key written where its variable name belongs, without repeating it', () => {
    const create = (apiKeyEnv: string) => () => createAnthropicTarget({ type: 'anthropic', model: 'm', apiKeyEnv }, testContext({}));
    expect(create('MISSING_KEY')).toThrow(ConfigError);
    expect(create('MISSING_KEY')).toThrow(expect.objectContaining({ path: 'target.apiKeyEnv', hint: 'export MISSING_KEY=...' }));
    let caught: unknown;
    try {
      create(canary)();
    } catch (error) {
      caught = error;
    }
    expect(caught).toMatchObject({ path: 'target.apiKeyEnv' });
    expect(everythingPrinted(caught)).not.toContain(canary);
  });
});
