import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import { replyJson, startLocalServer, testContext, type LocalServer } from '../../../test/support/local-server.js';
import type { TargetRequest } from '../../core/target.js';
import { chatCompletionsUrl, createOpenAiTarget } from './openai-target.js';

// The target builds its Chat Completions request itself (decision 041). The official SDK is the oracle: the same
// request sent by both reaches the server with the same path, body and meaningful headers.
const key = 'sk-wire-test-5678';
const reply = { id: 'c1', object: 'chat.completion', created: 0, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }] };
// Headers that carry meaning to an OpenAI-compatible server; the SDK's telemetry (x-stainless-*, its user-agent)
// and transport details (host, content-length, connection) are not compared.
const compared = ['authorization', 'content-type', 'accept', 'x-team', 'api-key'];

describe('the OpenAI target on the wire', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  const request: TargetRequest = { messages: [{ role: 'user', content: 'hi "there" \u2028 ✓' }, { role: 'assistant', content: 'hello' }, { role: 'user', content: 'again' }], seed: 1 };

  for (const [name, options] of [
    ['plain', {}],
    ['with a system prompt, settings, extra body and headers', { systemPrompt: 'Be brief.', temperature: 0.2, maxTokens: 40, extraBody: { seed: 7, top_p: 0.5 }, headers: { 'X-Team': 'blue', 'api-key': 'azure-style' } }],
    ['streaming', { stream: true }],
  ] as const) {
    it(`sends what the official SDK sends (${name})`, async () => {
      server = await startLocalServer((res, req) => {
        if (JSON.parse(req.body).stream === true) {
          res.writeHead(200, { 'content-type': 'text/event-stream' });
          res.end(`data: ${JSON.stringify({ ...reply, object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: 'ok' }, finish_reason: 'stop' }] })}\n\ndata: [DONE]\n\n`);
        } else replyJson(res, { body: reply });
      });
      const baseUrl = `${server.url}/v1/`;
      const target = createOpenAiTarget({ type: 'openai', baseUrl, model: 'gpt-wire', apiKeyEnv: 'WIRE_KEY', ...options }, testContext({ WIRE_KEY: key }));
      expect((await target.send(request, new AbortController().signal)).text).toBe('ok');
      await target.close?.();

      const opts = options as { systemPrompt?: string; temperature?: number; maxTokens?: number; extraBody?: Record<string, unknown>; headers?: Record<string, string>; stream?: boolean };
      const sdk = new OpenAI({ baseURL: baseUrl, apiKey: key, maxRetries: 0, organization: null, project: null, defaultHeaders: opts.headers ?? {} });
      const body = {
        ...opts.extraBody,
        model: 'gpt-wire',
        messages: [...(opts.systemPrompt ? [{ role: 'system' as const, content: opts.systemPrompt }] : []), ...request.messages.map(({ role, content }) => ({ role: role as 'user', content }))],
        ...(opts.temperature === undefined ? {} : { temperature: opts.temperature }),
        ...(opts.maxTokens === undefined ? {} : { max_tokens: opts.maxTokens }),
        ...(opts.stream ? { stream: true as const, stream_options: { include_usage: true } } : {}),
      };
      await sdk.chat.completions.create(body as OpenAI.ChatCompletionCreateParamsNonStreaming).asResponse();

      const [ours, theirs] = server.received;
      expect(ours!.path).toBe(theirs!.path);
      expect(ours!.method).toBe(theirs!.method);
      expect(JSON.parse(ours!.body)).toEqual(JSON.parse(theirs!.body));
      const pick = (headers: Record<string, unknown>): Record<string, unknown> => Object.fromEntries(compared.filter((h) => headers[h] !== undefined).map((h) => [h, headers[h]]));
      expect(pick(ours!.headers)).toEqual(pick(theirs!.headers));
    });
  }

  it('joins the base URL and the path with one slash, however many the base ends with', () => {
    expect(chatCompletionsUrl('http://127.0.0.1:8000/v1')).toBe('http://127.0.0.1:8000/v1/chat/completions');
    expect(chatCompletionsUrl('http://127.0.0.1:8000/v1//')).toBe('http://127.0.0.1:8000/v1/chat/completions');
    expect(chatCompletionsUrl('https://proxy.example/openai/deployments/x')).toBe('https://proxy.example/openai/deployments/x/chat/completions');
  });
});
