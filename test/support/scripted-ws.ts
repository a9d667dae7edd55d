import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { ScriptedAnswer, ScriptedRequest } from './target-conformance.js';

/** A WebSocket chat server on 127.0.0.1 for target tests. */
export type ScriptedWs = {
  /** e.g. 'ws://127.0.0.1:41234'. */
  readonly url: string;
  /** Handshake request headers, one entry per connection, lower-cased names. */
  readonly handshakes: Record<string, string | string[] | undefined>[];
  /** Frames received, oldest first, as text. */
  readonly received: string[];
  /** Stops the server and drops every connection. */
  close(): Promise<void>;
};

/**
 * A chat app over WebSocket that keeps each connection's conversation: every message's `prompt` is a user turn, the
 * script answers it from the conversation so far, and the reply goes out as `{type: 'delta', text}` pieces followed by
 * `{type: 'done'}`. A reset terminates the TCP connection; silence sends nothing.
 */
export async function startScriptedWs(script: (request: ScriptedRequest) => ScriptedAnswer): Promise<ScriptedWs> {
  const handshakes: ScriptedWs['handshakes'] = [];
  const received: string[] = [];
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  server.on('connection', (socket: WebSocket, request) => {
    handshakes.push({ ...request.headers });
    const history: { role: string; content: string }[] = [];
    socket.on('message', (data) => {
      received.push(String(data));
      history.push({ role: 'user', content: (JSON.parse(String(data)) as { prompt: string }).prompt });
      const answer = script({ messages: [...history] });
      if ('silent' in answer || 'status' in answer) return;
      if ('reset' in answer) return void socket.terminate();
      history.push({ role: 'assistant', content: answer.reply });
      for (const piece of answer.reply.match(/.{1,4}/gs) ?? []) socket.send(JSON.stringify({ type: 'delta', text: piece }));
      socket.send(JSON.stringify({ type: 'done' }));
    });
  });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `ws://127.0.0.1:${port}`,
    handshakes,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}
