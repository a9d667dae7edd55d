import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket } from 'ws';
import { ConfigError } from '../../core/errors.js';
import type { Target, TargetRequest } from '../../core/target.js';
import { everythingPrinted, targetFailure, testContext } from '../../../test/support/local-server.js';
import { createWsTarget } from './ws-target.js';
import type { WsTargetInput } from './ws-target-options.js';

const token = 'ws-SECRET-token-42';

/** A WebSocket app on 127.0.0.1: `onMessage` answers each frame; connections and closes are counted. */
async function startApp(options: {
  onMessage: (socket: WebSocket, text: string, connection: number) => void;
  refuse?: { status: number; headers?: Record<string, string> };
}) {
  const events: string[] = [];
  const headers: Record<string, string | string[] | undefined>[] = [];
  const server = new WebSocketServer({
    host: '127.0.0.1', port: 0,
    verifyClient: (_info, done) => (options.refuse ? done(false, options.refuse.status, 'refused', options.refuse.headers) : done(true)),
  });
  server.on('connection', (socket, request) => {
    const connection = headers.push({ ...request.headers });
    events.push(`open ${connection}`);
    socket.on('message', (data) => options.onMessage(socket, String(data), connection));
    socket.on('close', () => events.push(`close ${connection}`));
  });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const url = `ws://127.0.0.1:${(server.address() as AddressInfo).port}/chat`;
  const close = () => new Promise<void>((resolve) => (server.clients.forEach((c) => c.terminate()), server.close(() => resolve())));
  return { url, events, headers, close };
}

const turn = (conversationId: string | undefined, ...contents: string[]): TargetRequest => ({
  messages: contents.map((content, index) => ({ role: index % 2 === 0 ? 'user' : 'assistant', content })),
  seed: 1,
  ...(conversationId === undefined ? {} : { conversationId }),
});
const until = (condition: () => boolean) => new Promise<void>((resolve) => {
  const check = () => (condition() ? resolve() : setTimeout(check, 5));
  check();
});

describe('ws target', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    while (closers.length > 0) await closers.pop()!();
  });
  async function setUp(behaviour: Parameters<typeof startApp>[0], options: Partial<WsTargetInput> = {}): Promise<{ target: Target; app: Awaited<ReturnType<typeof startApp>> }> {
    const app = await startApp(behaviour);
    const target = createWsTarget({ type: 'ws', url: app.url, ...options }, testContext({ CHAT_TOKEN: token }));
    closers.push(app.close, async () => target.close?.());
    return { target, app };
  }

  it('sends handshake headers from environment variables and a string template as a plain text frame', async () => {
    const frames: string[] = [];
    const { target, app } = await setUp({ onMessage: (socket, text) => (frames.push(text), socket.send(`echo: ${text}`)) }, {
      headers: { authorization: 'Bearer ${CHAT_TOKEN}' },
      message: 'USER SAYS: {{prompt}}',
    });
    expect((await target.send(turn(undefined, 'hi "there"'), new AbortController().signal)).text).toBe('echo: USER SAYS: hi "there"');
    expect(frames).toEqual(['USER SAYS: hi "there"']);
    expect(app.headers[0]!['authorization']).toBe(`Bearer ${token}`);
  });

  it('takes the first message with text at responsePath as the reply, skipping typing indicators', async () => {
    const { target } = await setUp({ onMessage: (socket) => (socket.send(JSON.stringify({ typing: true })), socket.send(JSON.stringify({ reply: { text: 'No.' } }))) }, { responsePath: '$.reply.text' });
    expect((await target.send(turn(undefined, 'x'), new AbortController().signal)).text).toBe('No.');
  });

  it('keeps one connection per conversation for its turns, sending only new turns in {{messages}}, and closes one-offs', async () => {
    const seen: string[] = [];
    const { target, app } = await setUp({ onMessage: (socket, text, connection) => (seen.push(text), socket.send(`c${connection}: ${JSON.parse(text).turns.at(-1).content}`)) }, {
      message: { turns: '{{messages}}' },
    });
    const signal = new AbortController().signal;
    const a1 = (await target.send(turn('a', 'a1'), signal)).text;
    const b1 = (await target.send(turn('b', 'b1'), signal)).text;
    expect((await target.send(turn('a', 'a1', a1, 'a2'), signal)).text).toBe('c1: a2');
    expect((await target.send(turn('b', 'b1', b1, 'b2'), signal)).text).toBe('c2: b2');
    expect(JSON.parse(seen[2]!).turns).toEqual([{ role: 'user', content: 'a2' }]);
    await target.send(turn(undefined, 'one-off'), signal);
    await until(() => app.events.includes('close 3'));
    expect(app.events).toEqual(['open 1', 'open 2', 'open 3', 'close 3']);
  });

  it('opens a new connection, marked sessionRestarted, when the conversation backtracks', async () => {
    const { target, app } = await setUp({ onMessage: (socket, text, connection) => socket.send(`c${connection}: ${JSON.parse(text).prompt}`) });
    const signal = new AbortController().signal;
    const first = (await target.send(turn('a', 'hello'), signal)).text;
    await target.send(turn('a', 'hello', first, 'step 2'), signal);
    expect(await target.send(turn('a', 'hello', first, 'other step 2'), signal)).toEqual({ text: 'c2: other step 2', metadata: { sessionRestarted: true } });
    await until(() => app.events.includes('close 1'));
  });

  it('maps a refused handshake to the http statuses: 401 final, 429 retryable with Retry-After', async () => {
    const denied = await setUp({ onMessage: () => undefined, refuse: { status: 401 } });
    expect(await targetFailure(denied.target.send(turn(undefined, 'x'), new AbortController().signal))).toMatchObject({ kind: 'http-401', retryable: false });
    const limited = await setUp({ onMessage: () => undefined, refuse: { status: 429, headers: { 'Retry-After': '7' } } });
    expect(await targetFailure(limited.target.send(turn(undefined, 'x'), new AbortController().signal))).toMatchObject({ kind: 'http-429', retryable: true, retryAfterMs: 7_000 });
  });

  it('fails with a retryable network error when the app closes mid-reply, never a partial reply', async () => {
    const { target } = await setUp({ onMessage: (socket) => (socket.send(JSON.stringify({ type: 'delta', text: 'Step 1: ' })), socket.close(1011, 'overloaded')) }, {
      responsePath: '$.text', until: { path: '$.type', equals: 'done' },
    });
    const failure = await targetFailure(target.send(turn('a', 'x'), new AbortController().signal));
    expect(failure).toMatchObject({ kind: 'network', retryable: true });
    expect(failure.message).toContain('code 1011: overloaded');
  });

  it('makes a policy-violation close final', async () => {
    const { target } = await setUp({ onMessage: (socket) => socket.close(1008, 'blocked by policy') });
    expect(await targetFailure(target.send(turn('a', 'x'), new AbortController().signal))).toMatchObject({ kind: 'bad-response', retryable: false });
  });

  it('closes the socket when the engine aborts (a timeout) and rejects with its reason', async () => {
    const { target, app } = await setUp({ onMessage: () => undefined });
    const controller = new AbortController();
    const reason = new Error('engine timeout');
    setTimeout(() => controller.abort(reason), 50);
    await expect(target.send(turn('a', 'x'), controller.signal)).rejects.toBe(reason);
    await until(() => app.events.includes('close 1'));
  });

  it('never prints a secret from the URL or headers in an error', async () => {
    const { target } = await setUp({ onMessage: (socket) => socket.close(1008, `bad token ${token}`) }, { headers: { 'x-token': '${CHAT_TOKEN}' } });
    expect(everythingPrinted(await targetFailure(target.send(turn('a', 'x'), new AbortController().signal)))).not.toContain(token);
  });

  it.each([
    [{ url: 'http://127.0.0.1/chat' }, 'target.url'],
    [{ url: 'ws://127.0.0.1/chat', message: { text: 'fixed' } }, 'target.message'],
    [{ url: 'ws://127.0.0.1/chat', until: { path: '$..x', equals: 'done' } }, 'target.until.path'],
    [{ url: 'ws://127.0.0.1/${MISSING}' }, 'target.url'],
  ])('refuses bad options with a ConfigError at the right path', (options, path) => {
    const create = () => createWsTarget({ type: 'ws', ...options } as WsTargetInput, testContext({}));
    expect(create).toThrow(ConfigError);
    expect(create).toThrow(expect.objectContaining({ path }));
  });
});
