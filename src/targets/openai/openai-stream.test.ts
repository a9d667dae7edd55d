import { afterEach, describe, expect, it } from 'vitest';
import type { TargetRequest } from '../../core/target.js';
import { startLocalServer, targetFailure, testContext, type LocalHandler, type LocalServer } from '../../../test/support/local-server.js';
import { chatChunks } from '../../../test/support/chat-chunks.js';
import { writeEvents } from '../../../test/support/scripted-http.js';
import { createOpenAiTarget } from './openai-target.js';

const request: TargetRequest = { messages: [{ role: 'user', content: 'what is the weather?' }], seed: 1 };
const chunk = (delta: unknown, finish: string | null = null) => JSON.stringify({ object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }] });

describe('openai target, streamed (stream: true)', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  async function targetFor(handle: LocalHandler) {
    server = await startLocalServer(handle);
    return createOpenAiTarget({ type: 'openai', baseUrl: `${server.url}/v1`, model: 'm', stream: true }, testContext({}));
  }

  it('asks for a stream with usage, and joins the deltas into the reply with its usage and finish reason', async () => {
    const target = await targetFor((reply) => writeEvents(reply, chatChunks('It will rain in Oslo today.')));
    const response = await target.send(request, new AbortController().signal);
    expect(response).toEqual({ text: 'It will rain in Oslo today.', usage: { promptTokens: 9, completionTokens: 6 }, metadata: { finishReason: 'stop' } });
    expect(JSON.parse(server!.received[0]!.body)).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('joins tool-call deltas into tool-call parts, in index order', async () => {
    const target = await targetFor((reply) =>
      writeEvents(reply, [
        chunk({ role: 'assistant', content: 'Checking.' }),
        chunk({ tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'send_mail', arguments: '' } }] }),
        chunk({ tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"ci' } }] }),
        chunk({ tool_calls: [{ index: 0, function: { arguments: 'ty":"Oslo"}' } }] }),
        chunk({ tool_calls: [{ index: 1, function: { arguments: '{"to":"x@evil.test"}' } }] }),
        chunk({}, 'tool_calls'),
        '[DONE]',
      ]),
    );
    const response = await target.send(request, new AbortController().signal);
    expect(response.text).toBe('Checking.');
    expect(response.parts).toEqual([
      { type: 'text', text: 'Checking.' },
      { type: 'tool-call', callId: 'call_a', name: 'get_weather', arguments: '{"city":"Oslo"}' },
      { type: 'tool-call', callId: 'call_b', name: 'send_mail', arguments: '{"to":"x@evil.test"}' },
    ]);
    expect(response.metadata).toEqual({ finishReason: 'tool_calls' });
  });

  it('fails with a retryable network error when the stream is cut mid-way, never a partial reply', async () => {
    const target = await targetFor((reply) => writeEvents(reply, chatChunks('Here is the full secret: 1234').slice(0, 3), { cut: true }));
    expect(await targetFailure(target.send(request, new AbortController().signal))).toMatchObject({ kind: 'network', retryable: true });
  });

  it('fails with a retryable network error when the stream ends cleanly but without [DONE]', async () => {
    const target = await targetFor((reply) => writeEvents(reply, chatChunks('Partial answer').slice(0, 3)));
    const failure = await targetFailure(target.send(request, new AbortController().signal));
    expect(failure).toMatchObject({ kind: 'network', retryable: true });
    expect(failure.message).toMatch(/\[DONE\]/);
  });

  it('refuses a stream larger than the reply limit (10 MiB)', async () => {
    const big = chunk({ content: 'x'.repeat(1024 * 1024) });
    const target = await targetFor((reply) => writeEvents(reply, [...Array.from({ length: 11 }, () => big), '[DONE]']));
    expect(await targetFailure(target.send(request, new AbortController().signal))).toMatchObject({ kind: 'bad-response', retryable: false });
  });

  it('rejects with the abort reason while the stream has started but stalls', async () => {
    const target = await targetFor((reply) => {
      reply.writeHead(200, { 'content-type': 'text/event-stream' });
      reply.write(`data: ${chunk({ content: 'Sure, step one' })}\n\n`);
    });
    const controller = new AbortController();
    const reason = new Error('engine timeout');
    setTimeout(() => controller.abort(reason), 50);
    await expect(target.send(request, controller.signal)).rejects.toBe(reason);
  });
});
