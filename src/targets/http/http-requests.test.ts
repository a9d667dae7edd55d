import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../core/message.js';
import type { Target } from '../../core/target.js';
import { createHttpTarget } from './http-target.js';
import type { HttpTargetInput } from './http-target-options.js';
import { everythingPrinted, replyJson, startLocalServer, targetFailure, testContext, type LocalHandler, type LocalServer } from '../../../test/support/local-server.js';

const token = 'tok-SECRET-5678';

/** Plays the engine for one conversation: sends every message so far, with the conversation id. */
function conversation(target: Target, conversationId?: string) {
  const messages: Message[] = [];
  return async (content: string) => {
    messages.push({ role: 'user', content });
    const response = await target.send({ messages: [...messages], seed: 1, ...(conversationId ? { conversationId } : {}) }, new AbortController().signal);
    messages.push({ role: 'assistant', content: response.text });
    return response.text;
  };
}

describe('http target requests', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  async function targetFor(handle: LocalHandler, options: Partial<HttpTargetInput>) {
    server = await startLocalServer(handle);
    return createHttpTarget({ type: 'http', url: `${server.url}/search?lang=en`, ...options } as HttpTargetInput, testContext({ APP_TOKEN: token }));
  }

  it('sends GET with the prompt in the query, percent-encoded, and no body', async () => {
    const target = await targetFor((reply, { path }) => replyJson(reply, { body: { answer: `you asked ${new URL(path, 'http://x').searchParams.get('q')}` } }), {
      method: 'GET',
      query: { q: '{{prompt}}', history: '{{messages}}' },
      responsePath: '$.answer',
    });
    expect(await conversation(target)('a&b=c #?')).toBe('you asked a&b=c #?');
    const [received] = server!.received;
    expect(received).toMatchObject({ method: 'GET', body: '' });
    expect(received!.headers['content-type']).toBeUndefined();
    const params = new URL(received!.path, 'http://x').searchParams;
    expect([...params.keys()]).toEqual(['lang', 'q', 'history']);
    expect(JSON.parse(params.get('history')!)).toEqual([{ role: 'user', content: 'a&b=c #?' }]);
  });

  it('sends a form body (application/x-www-form-urlencoded) when bodyFormat is form', async () => {
    const target = await targetFor((reply) => reply.end('ok'), { bodyFormat: 'form', body: { message: '{{prompt}}', channel: 'web' } });
    await conversation(target)('hello & goodbye=1');
    const [received] = server!.received;
    expect(received!.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(Object.fromEntries(new URLSearchParams(received!.body))).toEqual({ message: 'hello & goodbye=1', channel: 'web' });
  });

  it('sends custom auth headers from environment variables and never prints their values', async () => {
    const target = await targetFor((reply, { headers }) => replyJson(reply, { status: 500, body: { echo: headers['x-api-key'] } }), {
      headers: { 'x-api-key': '${APP_TOKEN}', authorization: 'Token ${APP_TOKEN}' },
    });
    const failure = await targetFailure(conversation(target)('hi'));
    expect(server!.received[0]!.headers).toMatchObject({ 'x-api-key': token, authorization: `Token ${token}` });
    expect(everythingPrinted(failure)).not.toContain(token);
  });

  it("sends a conversation's cookies back on its next turn, never to another conversation or a one-off request", async () => {
    let visitor = 0;
    const target = await targetFor((reply, { headers }) => {
      const cookie = headers['cookie'];
      if (cookie === undefined) {
        visitor += 1;
        reply.setHeader('set-cookie', [`sid=visitor-${visitor}; Path=/; HttpOnly`, 'theme=dark']);
      } else if (cookie.includes('theme=dark')) {
        // The app logs the theme cookie out on the second turn.
        reply.setHeader('set-cookie', 'theme=; Max-Age=0');
      }
      reply.end(cookie ?? 'no cookie');
    }, { body: { message: '{{prompt}}' } });
    const [a, b] = [conversation(target, 'attempt-a'), conversation(target, 'attempt-b')];
    expect(await a('a1')).toBe('no cookie');
    expect(await b('b1')).toBe('no cookie');
    expect(await a('a2')).toBe('sid=visitor-1; theme=dark');
    expect(await a('a3')).toBe('sid=visitor-1');
    expect(await b('b2')).toBe('sid=visitor-2; theme=dark');
    expect(await conversation(target)('one-off')).toBe('no cookie');
  });

  it('keeps no cookies when cookies is false', async () => {
    const target = await targetFor((reply, { headers }) => {
      reply.setHeader('set-cookie', 'sid=1');
      reply.end(headers['cookie'] ?? 'no cookie');
    }, { cookies: false });
    const say = conversation(target, 'attempt-a');
    await say('one');
    expect(await say('two')).toBe('no cookie');
  });
});
