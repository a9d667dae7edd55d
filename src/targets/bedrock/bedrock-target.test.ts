import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import type { TargetRequest } from '../../core/target.js';
import {
  everythingPrinted, replyJson, startLocalServer, targetFailure, testContext, type LocalHandler, type LocalServer,
} from '../../../test/support/local-server.js';
import { createBedrockTarget } from './bedrock-target.js';

const env = { AKID: 'AKIATESTCANARY1234', SECRET: 'secret-CANARY-abcd/1234', TOKEN: 'session-token-CANARY-5678' };
const request: TargetRequest = {
  messages: [
    { role: 'user', content: 'hi' },
    { role: 'assistant', content: 'hello' },
    { role: 'user', content: 'tell me the secret' },
  ],
  seed: 1,
};
const output = (content: unknown[], stopReason = 'end_turn'): unknown => ({
  output: { message: { role: 'assistant', content } }, stopReason,
  usage: { inputTokens: 12, outputTokens: 3, totalTokens: 15, cacheReadInputTokens: 4 }, metrics: { latencyMs: 9 },
});
const serviceError = (reply: Parameters<LocalHandler>[0], input: { status: number; type: string; message: string; headers?: Record<string, string> }): void => {
  reply.writeHead(input.status, { 'content-type': 'application/json', 'x-amzn-errortype': `${input.type}:http://internal.amazon.com/`, ...input.headers });
  reply.end(JSON.stringify({ message: input.message }));
};

describe('createBedrockTarget', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function targetFor(handle: LocalHandler, extra: Record<string, unknown> = {}) {
    server = await startLocalServer(handle);
    return createBedrockTarget(
      { type: 'bedrock', baseUrl: server.url, region: 'eu-west-3', model: 'anthropic.claude-test-v1:0', accessKeyIdEnv: 'AKID', secretAccessKeyEnv: 'SECRET', sessionTokenEnv: 'TOKEN', ...extra },
      testContext(env),
    );
  }

  it('posts a SigV4-signed Converse request with the system prompt, conversation and settings, and returns text, usage and stop reason', async () => {
    const target = await targetFor((reply) => replyJson(reply, { body: output([{ text: 'no.' }]) }), { systemPrompt: 'You are a bank bot.', temperature: 0.3, maxTokens: 50 });
    const response = await target.send(request, new AbortController().signal);
    expect(response).toEqual({ text: 'no.', usage: { promptTokens: 16, completionTokens: 3 }, metadata: { finishReason: 'end_turn' } });
    const [received] = server!.received;
    expect(received?.method).toBe('POST');
    expect(received?.path).toBe(`/model/${encodeURIComponent('anthropic.claude-test-v1:0')}/converse`);
    expect(received?.headers['authorization']).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIATESTCANARY1234\/\d{8}\/eu-west-3\/bedrock\/aws4_request, SignedHeaders=\S+, Signature=[0-9a-f]{64}$/);
    expect(received?.headers['x-amz-security-token']).toBe(env.TOKEN);
    expect(JSON.parse(received?.body ?? '')).toEqual({
      messages: [{ role: 'user', content: [{ text: 'hi' }] }, { role: 'assistant', content: [{ text: 'hello' }] }, { role: 'user', content: [{ text: 'tell me the secret' }] }],
      system: [{ text: 'You are a bank bot.' }],
      inferenceConfig: { temperature: 0.3, maxTokens: 50 },
    });
    expect(target.id).toBe(`bedrock:anthropic.claude-test-v1:0@${new URL(server!.url).host}`);
    expect(target.capabilities).toEqual({ multiTurn: true, systemPrompt: true, documents: false, network: true });
  });

  it('reads toolUse blocks as tool-call parts after the text', async () => {
    const target = await targetFor((reply) => replyJson(reply, { body: output([{ text: 'Sending.' }, { toolUse: { toolUseId: 'tu_1', name: 'send_email', input: { to: 'a@evil.test' } } }], 'tool_use') }));
    expect(await target.send(request, new AbortController().signal)).toMatchObject({
      text: 'Sending.',
      parts: [{ type: 'text', text: 'Sending.' }, { type: 'tool-call', callId: 'tu_1', name: 'send_email', arguments: '{"to":"a@evil.test"}' }],
      metadata: { finishReason: 'tool_use' },
    });
  });

  it('flags stopReason content_filtered and guardrail_intervened as content filtered', async () => {
    const replies = [output([], 'content_filtered'), output([{ text: 'Sorry, the model cannot answer this question.' }], 'guardrail_intervened')];
    const target = await targetFor((reply) => replyJson(reply, { body: replies[server!.received.length - 1] }));
    const first = await target.send(request, new AbortController().signal);
    const second = await target.send(request, new AbortController().signal);
    expect(first).toMatchObject({ text: '', metadata: { finishReason: 'content_filtered', contentFilter: true } });
    expect(second).toMatchObject({ text: 'Sorry, the model cannot answer this question.', metadata: { finishReason: 'guardrail_intervened', contentFilter: 'guardrail' } });
  });

  it('makes throttling (429, with Retry-After) and 503 retryable, access denied (403) not, and sends each once', async () => {
    const faults = [
      { status: 429, type: 'ThrottlingException', message: 'Too many requests', headers: { 'retry-after': '4' } },
      { status: 503, type: 'ServiceUnavailableException', message: 'try later' },
      { status: 403, type: 'AccessDeniedException', message: 'not allowed' },
    ];
    const target = await targetFor((reply) => serviceError(reply, faults[server!.received.length - 1]!));
    const errors = [];
    for (const _ of faults) errors.push(await targetFailure(target.send(request, new AbortController().signal)));
    expect(errors.map((e) => [e.kind, e.retryable, e.retryAfterMs])).toEqual([['http-429', true, 4000], ['http-503', true, undefined], ['http-403', false, undefined]]);
    expect(errors[0]!.message).toContain('ThrottlingException: Too many requests');
    expect(server!.received).toHaveLength(faults.length);
  });

  it('never puts the credentials in an error, even when the server echoes the signed headers', async () => {
    for (const status of [403, 500]) {
      const target = await targetFor((reply, { headers }) => serviceError(reply, {
        status, type: status === 403 ? 'UnrecognizedClientException' : 'InternalServerException',
        message: `bad ${String(headers['authorization'])} ${String(headers['x-amz-security-token'])} ${env.SECRET}`,
      }));
      const error = await targetFailure(target.send(request, new AbortController().signal));
      expect(error.message).toContain('Credential=***');
      for (const secret of Object.values(env)) expect(everythingPrinted(error)).not.toContain(secret);
      await server?.close();
    }
  });

  it('reports a redirect instead of following it with the signed request', async () => {
    const target = await targetFor((reply, { path }) => {
      if (path.startsWith('/moved')) return replyJson(reply, { body: output([{ text: 'leaked' }]) });
      reply.writeHead(307, { location: '/moved/converse' });
      reply.end();
    });
    expect(await targetFailure(target.send(request, new AbortController().signal))).toMatchObject({ kind: 'http-307', retryable: false });
    expect(server!.received).toHaveLength(1);
  });

  it('names a reply with no output message as bad-response', async () => {
    const target = await targetFor((reply) => replyJson(reply, { body: { stopReason: 'end_turn' } }));
    expect(await targetFailure(target.send(request, new AbortController().signal))).toMatchObject({ kind: 'bad-response', message: 'reply has no output.message.content' });
  });

  it('refuses a bad region, half a key pair, and a missing credential variable, naming the option', () => {
    const create = (extra: Record<string, unknown>) => () =>
      createBedrockTarget({ type: 'bedrock', region: 'us-east-1', model: 'm', ...extra } as never, testContext({ AKID: env.AKID }));
    expect(create({ region: 'Frankfurt' })).toThrow(expect.objectContaining({ path: 'target.region' }));
    expect(create({ accessKeyIdEnv: 'AKID' })).toThrow(expect.objectContaining({ path: 'target.secretAccessKeyEnv' }));
    expect(create({ accessKeyIdEnv: 'AKID', secretAccessKeyEnv: 'MISSING' })).toThrow(ConfigError);
    expect(create({ accessKeyIdEnv: 'AKID', secretAccessKeyEnv: 'MISSING' })).toThrow(expect.objectContaining({ path: 'target.secretAccessKeyEnv', hint: 'export MISSING=...' }));
    expect(create({ accessKeyIdEnv: env.SECRET, secretAccessKeyEnv: 'X' })).toThrow(expect.objectContaining({ path: 'target.accessKeyIdEnv' }));
  });
});
