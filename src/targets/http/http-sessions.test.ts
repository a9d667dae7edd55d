import { afterEach, describe, expect, it } from 'vitest';
import type { Message } from '../../core/message.js';
import type { Target } from '../../core/target.js';
import { createHttpTarget } from './http-target.js';
import type { HttpTargetInput } from './http-target-options.js';
import {
  replyJson,
  startLocalServer,
  targetFailure,
  testContext,
  type LocalHandler,
  type LocalServer,
} from '../../../test/support/local-server.js';

/** A chat app that keeps its own history: it issues `conv-N` on a first call and refuses unknown ids after. */
function statefulChatApp(via: 'body' | 'header'): LocalHandler {
  const histories = new Map<string, string[]>();
  return (reply, { body, path, headers }) => {
    const sent = JSON.parse(body) as { session_id?: string | null; message: string };
    const claimed = via === 'body' ? sent.session_id : path.split('/')[2] || null;
    if (via === 'header' && claimed !== (headers['x-session'] ?? null)) return replyJson(reply, { status: 400, body: 'path and header disagree' });
    if (claimed && !histories.has(claimed)) return replyJson(reply, { status: 404, body: { error: `no session ${claimed}` } });
    const id = claimed ?? `conv-${histories.size + 1}`;
    const history = [...(histories.get(id) ?? []), sent.message];
    histories.set(id, history);
    const text = `${id} heard: ${history.join(' | ')}`;
    if (via === 'body') return replyJson(reply, { body: { session_id: id, reply: text } });
    reply.writeHead(200, { 'content-type': 'application/json', 'x-session-id': id });
    reply.end(JSON.stringify({ reply: text }));
  };
}

/** Plays the engine: keeps one conversation's messages and sends them all, with its conversation id. */
function conversation(target: Target, conversationId?: string) {
  const messages: Message[] = [];
  return async (content: string) => {
    messages.push({ role: 'user', content });
    const request = { messages: [...messages], seed: 1, ...(conversationId ? { conversationId } : {}) };
    const response = await target.send(request, new AbortController().signal);
    messages.push({ role: 'assistant', content: response.text });
    return response;
  };
}

const serverHistory = {
  body: { session_id: '{{session}}', message: '{{prompt}}', turns: '{{messages}}' },
  responsePath: '$.reply',
  sessionPath: '$.session_id',
  history: 'server',
} as const;

describe('http target sessions', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function targetFor(handle: LocalHandler, options: Partial<HttpTargetInput> & { path?: string }) {
    const { path = '/chat', ...rest } = options;
    server = await startLocalServer(handle);
    return createHttpTarget({ type: 'http', url: `${server.url}${path}`, ...rest }, testContext({}));
  }
  const sentBodies = () => server!.received.map((request) => JSON.parse(request.body) as Record<string, unknown>);

  it("sends only the new turn with the app's session id once the app keeps the history", async () => {
    const say = conversation(await targetFor(statefulChatApp('body'), serverHistory), 'attempt-1');
    expect((await say('hello')).text).toBe('conv-1 heard: hello');
    expect((await say('and then?')).text).toBe('conv-1 heard: hello | and then?');
    expect(sentBodies()).toEqual([
      { session_id: null, message: 'hello', turns: [{ role: 'user', content: 'hello' }] },
      { session_id: 'conv-1', message: 'and then?', turns: [{ role: 'user', content: 'and then?' }] },
    ]);
  });

  it('keeps interleaved conversations in separate sessions', async () => {
    const target = await targetFor(statefulChatApp('body'), serverHistory);
    const [a, b] = [conversation(target, 'attempt-a'), conversation(target, 'attempt-b')];
    await a('a1');
    await b('b1');
    expect((await a('a2')).text).toBe('conv-1 heard: a1 | a2');
    expect((await b('b2')).text).toBe('conv-2 heard: b1 | b2');
    expect(sentBodies().map((body) => body['session_id'])).toEqual([null, null, 'conv-1', 'conv-2']);
  });

  it('reads the session id from a reply header and fills it into the URL and a request header', async () => {
    const target = await targetFor(statefulChatApp('header'), {
      path: '/chat/{{session}}',
      body: { message: '{{prompt}}' },
      responsePath: '$.reply',
      sessionHeader: 'x-session-id',
      history: 'server',
      headers: { 'x-session': '{{session}}' },
    });
    const say = conversation(target, 'attempt-1');
    await say('hello');
    expect((await say('again')).text).toBe('conv-1 heard: hello | again');
    expect(server!.received.map(({ path, headers }) => [path, headers['x-session']])).toEqual([
      ['/chat/', undefined],
      ['/chat/conv-1', 'conv-1'],
    ]);
  });

  it("names the path as a bad-response when the app's first reply has no session id", async () => {
    const target = await targetFor((reply) => replyJson(reply, { body: { reply: 'hi' } }), serverHistory);
    const error = await targetFailure(conversation(target, 'attempt-1')('hello'));
    expect(error).toMatchObject({ kind: 'bad-response', retryable: false, message: "no session id at path $.session_id in the app's first reply" });
  });

  it('treats requests without a conversation id as independent one-offs', async () => {
    const target = await targetFor(statefulChatApp('body'), serverHistory);
    expect((await conversation(target)('one')).text).toBe('conv-1 heard: one');
    expect((await conversation(target)('two')).text).toBe('conv-2 heard: two');
    expect(sentBodies().map((body) => body['session_id'])).toEqual([null, null]);
  });

  it("sends the whole conversation with the session id when history is 'client'", async () => {
    const say = conversation(await targetFor(statefulChatApp('body'), { ...serverHistory, history: 'client' }), 'attempt-1');
    await say('hello');
    await say('again');
    expect(sentBodies()[1]).toMatchObject({ session_id: 'conv-1', turns: [{ content: 'hello' }, { content: 'conv-1 heard: hello' }, { content: 'again' }] });
  });

  it('starts a new session, sending the whole conversation, when the conversation backtracks', async () => {
    const target = await targetFor(statefulChatApp('body'), serverHistory);
    const send = (...turns: string[]) => {
      const messages = turns.map((content, index): Message => ({ role: index % 2 === 0 ? 'user' : 'assistant', content }));
      return target.send({ messages, seed: 1, conversationId: 'c' }, new AbortController().signal);
    };
    const { text } = await send('hello');
    expect(await send('hello', text, 'step 2')).toEqual({ text: 'conv-1 heard: hello | step 2' });
    // Crescendo-style backtrack: the refused exchange is dropped, but the app still holds it.
    expect(await send('hello', text, 'other step 2')).toEqual({ text: 'conv-2 heard: other step 2', metadata: { sessionRestarted: true } });
    expect(sentBodies()[2]).toMatchObject({ session_id: null, turns: [{ content: 'hello' }, { content: text }, { content: 'other step 2' }] });
  });

  it('forgets every session on close', async () => {
    const target = await targetFor(statefulChatApp('body'), serverHistory);
    await conversation(target, 'c')('hello');
    await target.close?.();
    expect((await conversation(target, 'c')('hello')).text).toBe('conv-2 heard: hello');
  });

  it('refuses a session id that could not go back into a header', async () => {
    const target = await targetFor((reply) => replyJson(reply, { body: { reply: 'hi', session_id: { nested: 1 } } }), serverHistory);
    const error = await targetFailure(conversation(target, 'c')('hello'));
    expect(error).toMatchObject({ kind: 'bad-response', message: expect.stringContaining('session id at path $.session_id is not a usable id') });
  });
});
