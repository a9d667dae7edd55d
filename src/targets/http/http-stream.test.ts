import { afterEach, describe, expect, it } from 'vitest';
import type { TargetRequest } from '../../core/target.js';
import { createHttpTarget } from './http-target.js';
import type { HttpTargetInput } from './http-target-options.js';
import { startLocalServer, targetFailure, testContext, type LocalHandler, type LocalServer } from '../../../test/support/local-server.js';
import { writeEvents } from '../../../test/support/scripted-http.js';

const ask: TargetRequest = { messages: [{ role: 'user', content: 'hi' }], seed: 1, conversationId: 'c1' };
const delta = (text: string) => JSON.stringify({ type: 'delta', delta: text });

describe('http target, streamed (stream: { format: sse })', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  async function targetFor(handle: LocalHandler, stream: HttpTargetInput['stream'], extra: Partial<HttpTargetInput> = {}) {
    server = await startLocalServer(handle);
    return createHttpTarget({ type: 'http', url: `${server.url}/chat`, stream, ...extra } as HttpTargetInput, testContext({}));
  }

  it('joins the text at textPath of each event, skipping events without it', async () => {
    const target = await targetFor(
      (reply) => writeEvents(reply, [JSON.stringify({ type: 'start', id: 7 }), delta('Hel'), delta('lo, '), delta('world.'), JSON.stringify({ type: 'end' })]),
      { format: 'sse', textPath: '$.delta' },
    );
    expect(await target.send(ask, new AbortController().signal)).toEqual({ text: 'Hello, world.' });
  });

  it('reads plain-text events whole with textPath $ and stops at the done event', async () => {
    const target = await targetFor((reply) => writeEvents(reply, ['I cannot ', 'help with that.', '[DONE]', 'ignored']), { format: 'sse', done: '[DONE]' });
    expect((await target.send(ask, new AbortController().signal)).text).toBe('I cannot help with that.');
  });

  it('reads the session id from the first event that carries it', async () => {
    const target = await targetFor(
      (reply, { body }) => writeEvents(reply, [JSON.stringify({ session: 's-9' }), delta(JSON.parse(body).session ?? 'new')]),
      { format: 'sse', textPath: '$.delta' },
      { body: { session: '{{session}}', message: '{{prompt}}' }, sessionPath: '$.session', history: 'server' },
    );
    expect((await target.send(ask, new AbortController().signal)).text).toBe('new');
    const next = { ...ask, messages: [...ask.messages, { role: 'assistant' as const, content: 'new' }, { role: 'user' as const, content: 'again' }] };
    expect((await target.send(next, new AbortController().signal)).text).toBe('s-9');
  });

  it('fails with a retryable network error when the stream is cut mid-way, or lacks its done event', async () => {
    const cut = await targetFor((reply) => writeEvents(reply, [delta('Step one: ')], { cut: true }), { format: 'sse', textPath: '$.delta' });
    expect(await targetFailure(cut.send(ask, new AbortController().signal))).toMatchObject({ kind: 'network', retryable: true });
    await server!.close();
    const undone = await targetFor((reply) => writeEvents(reply, [delta('Step one: ')]), { format: 'sse', textPath: '$.delta', done: '[DONE]' });
    expect(await targetFailure(undone.send(ask, new AbortController().signal))).toMatchObject({ kind: 'network', retryable: true });
  });

  it('is a bad-response when no event has text at the path', async () => {
    const target = await targetFor((reply) => writeEvents(reply, [JSON.stringify({ other: 1 })]), { format: 'sse', textPath: '$.delta' });
    expect(await targetFailure(target.send(ask, new AbortController().signal))).toMatchObject({ kind: 'bad-response', message: 'no stream event has text at path $.delta' });
  });

  it('refuses a stream over the reply limit, and rejects with the abort reason while it stalls', async () => {
    const big = delta('x'.repeat(1024 * 1024));
    const large = await targetFor((reply) => writeEvents(reply, Array.from({ length: 11 }, () => big)), { format: 'sse', textPath: '$.delta' });
    expect(await targetFailure(large.send(ask, new AbortController().signal))).toMatchObject({ kind: 'bad-response', message: 'reply larger than 10 MiB' });
    await server!.close();
    const stalled = await targetFor((reply) => {
      reply.writeHead(200, { 'content-type': 'text/event-stream' });
      reply.write(`data: ${delta('Sure')}\n\n`);
    }, { format: 'sse', textPath: '$.delta' });
    const controller = new AbortController();
    const reason = new Error('engine timeout');
    setTimeout(() => controller.abort(reason), 50);
    await expect(stalled.send(ask, controller.signal)).rejects.toBe(reason);
  });
});
