import { afterEach, describe, expect, it } from 'vitest';
import type { TargetRequest } from '../../core/target.js';
import {
  everythingPrinted, replyJson, startLocalServer, targetFailure, testContext, type LocalHandler, type LocalServer,
} from '../../../test/support/local-server.js';
import { createGeminiTarget } from './gemini-target.js';

const canary = 'AIza-test-CANARY-1234';
const request: TargetRequest = {
  messages: [
    { role: 'user', content: 'hi' },
    { role: 'assistant', content: 'hello' },
    { role: 'user', content: 'tell me the secret' },
  ],
  seed: 1,
};
const answer = (candidate: Record<string, unknown>, extra: Record<string, unknown> = {}): unknown => ({
  candidates: [{ index: 0, ...candidate }],
  usageMetadata: { promptTokenCount: 12, candidatesTokenCount: 3, thoughtsTokenCount: 2, totalTokenCount: 17 },
  ...extra,
});

describe('createGeminiTarget', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function targetFor(handle: LocalHandler, extra: Record<string, unknown> = {}) {
    server = await startLocalServer(handle);
    return createGeminiTarget(
      { type: 'gemini', baseUrl: server.url, model: 'gemini-test', apiKeyEnv: 'TEST_KEY', ...extra },
      testContext({ TEST_KEY: canary }),
    );
  }

  it('posts the system instruction, the conversation and settings to :generateContent, and returns text, usage and finish reason', async () => {
    const target = await targetFor((reply) => replyJson(reply, { body: answer({ content: { role: 'model', parts: [{ text: 'no.' }] }, finishReason: 'STOP' }) }), {
      systemPrompt: 'You are a bank bot.', temperature: 0.3, maxTokens: 50,
    });
    const response = await target.send(request, new AbortController().signal);
    expect(response).toEqual({ text: 'no.', usage: { promptTokens: 12, completionTokens: 5 }, metadata: { finishReason: 'STOP' } });
    const [received] = server!.received;
    expect(received?.method).toBe('POST');
    expect(received?.path).toBe('/v1beta/models/gemini-test:generateContent');
    expect(received?.headers['x-goog-api-key']).toBe(canary);
    expect(JSON.parse(received?.body ?? '')).toMatchObject({
      contents: [{ role: 'user', parts: [{ text: 'hi' }] }, { role: 'model', parts: [{ text: 'hello' }] }, { role: 'user', parts: [{ text: 'tell me the secret' }] }],
      systemInstruction: { parts: [{ text: 'You are a bank bot.' }] },
      generationConfig: { temperature: 0.3, maxOutputTokens: 50 },
    });
    expect(target.id).toBe(`gemini:gemini-test@${new URL(server!.url).host}`);
    expect(target.capabilities).toEqual({ multiTurn: true, systemPrompt: true, documents: false, network: true });
  });

  it('reads function calls as tool-call parts, and leaves thought summaries out of the text', async () => {
    const target = await targetFor((reply) => replyJson(reply, {
      body: answer({ content: { role: 'model', parts: [{ text: 'planning', thought: true }, { text: 'Sending.' }, { functionCall: { id: 'fc_1', name: 'send_email', args: { to: 'a@evil.test' } } }] }, finishReason: 'STOP' }),
    }));
    const response = await target.send(request, new AbortController().signal);
    expect(response).toMatchObject({
      text: 'Sending.',
      parts: [{ type: 'text', text: 'Sending.' }, { type: 'tool-call', callId: 'fc_1', name: 'send_email', arguments: '{"to":"a@evil.test"}' }],
    });
  });

  it("flags finishReason SAFETY with the blocked categories, and a blocked prompt's feedback, as content filtered", async () => {
    const replies = [
      answer({ finishReason: 'SAFETY', safetyRatings: [{ category: 'HARM_CATEGORY_DANGEROUS_CONTENT', probability: 'HIGH', blocked: true }, { category: 'HARM_CATEGORY_HARASSMENT', probability: 'LOW' }] }),
      { promptFeedback: { blockReason: 'SAFETY', safetyRatings: [{ category: 'HARM_CATEGORY_HATE_SPEECH', probability: 'HIGH', blocked: true }] }, usageMetadata: { promptTokenCount: 9 } },
      { promptFeedback: { blockReason: 'PROHIBITED_CONTENT' } },
    ];
    const target = await targetFor((reply) => replyJson(reply, { body: replies[server!.received.length - 1] }));
    const responses = [];
    for (const _ of replies) responses.push(await target.send(request, new AbortController().signal));
    expect(responses).toEqual([
      { text: '', usage: { promptTokens: 12, completionTokens: 5 }, metadata: { finishReason: 'SAFETY', contentFilter: 'HARM_CATEGORY_DANGEROUS_CONTENT' } },
      { text: '', usage: { promptTokens: 9, completionTokens: 0 }, metadata: { finishReason: 'SAFETY', contentFilter: 'prompt:HARM_CATEGORY_HATE_SPEECH' } },
      { text: '', metadata: { finishReason: 'PROHIBITED_CONTENT', contentFilter: 'prompt:PROHIBITED_CONTENT' } },
    ]);
  });

  it("makes 429 retryable with the delay Google puts in the body, 503 retryable, 401 and 403 not, and sends each once", async () => {
    const statuses = [429, 503, 401, 403];
    const target = await targetFor((reply) => {
      const status = statuses[server!.received.length - 1]!;
      const details = status === 429 ? [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '7s' }] : [];
      replyJson(reply, { status, body: { error: { code: status, message: `status ${status}`, status: 'X', details } } });
    });
    const errors = [];
    for (const _ of statuses) errors.push(await targetFailure(target.send(request, new AbortController().signal)));
    expect(errors.map((e) => [e.kind, e.retryable, e.retryAfterMs])).toEqual([
      ['http-429', true, 7000], ['http-503', true, undefined], ['http-401', false, undefined], ['http-403', false, undefined],
    ]);
    expect(errors[2]!.message).toContain('status 401');
    expect(server!.received).toHaveLength(statuses.length);
  });

  it('never puts the key in an error, even when the server echoes it', async () => {
    for (const status of [400, 500]) {
      const target = await targetFor((reply, { headers }) =>
        replyJson(reply, { status, body: { error: { code: status, message: `API key not valid: ${String(headers['x-goog-api-key'])}` } } }),
      );
      const error = await targetFailure(target.send(request, new AbortController().signal));
      expect(error.message).toContain('API key not valid: ***');
      expect(everythingPrinted(error)).not.toContain(canary);
      await server?.close();
    }
  });

  it('reports a redirect instead of following it with the key', async () => {
    const target = await targetFor((reply, { path }) => {
      if (path.startsWith('/moved')) return replyJson(reply, { body: answer({ content: { parts: [{ text: 'leaked' }] } }) });
      reply.writeHead(307, { location: '/moved' });
      reply.end();
    });
    expect(await targetFailure(target.send(request, new AbortController().signal))).toMatchObject({ kind: 'http-307', retryable: false });
    expect(server!.received).toHaveLength(1);
  });

  it('names a body that is not JSON, and a reply with no candidate and no block reason, as bad-response', async () => {
    const bodies = ['<html>gateway</html>', '{}'];
    const target = await targetFor((reply) => {
      reply.writeHead(200, { 'content-type': 'application/json' });
      reply.end(bodies[server!.received.length - 1]);
    });
    expect(await targetFailure(target.send(request, new AbortController().signal))).toMatchObject({ kind: 'bad-response', message: expect.stringContaining('reply is not JSON') });
    expect(await targetFailure(target.send(request, new AbortController().signal))).toMatchObject({ kind: 'bad-response', message: 'reply has no candidates' });
  });
});
