import type { ServerResponse } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { replyJson, startLocalServer, type LocalServer } from './local-server.js';
import type { ScriptedAnswer, ScriptedRequest } from './target-conformance.js';

/**
 * A local HTTP server for the target conformance suite: `read` takes the conversation out of a request body, `write`
 * puts a reply text into the protocol's answer, or `stream` cuts it into server-sent events (each string one `data:`);
 * faults are HTTP statuses (with Retry-After), resets and silence.
 */
export function startScriptedHttp(input: {
  readonly script: (request: ScriptedRequest) => ScriptedAnswer;
  readonly read: (body: string, raw: IncomingMessage) => ScriptedRequest;
  readonly write?: (text: string) => unknown;
  readonly stream?: (text: string) => readonly string[];
}): Promise<LocalServer> {
  return startLocalServer((reply: ServerResponse, request: { body: string; raw: IncomingMessage }) => {
    const answer = input.script(input.read(request.body, request.raw));
    if ('silent' in answer) return;
    if ('reset' in answer) return void request.raw.socket.destroy();
    if ('status' in answer) {
      if (answer.retryAfterSeconds !== undefined) reply.setHeader('retry-after', String(answer.retryAfterSeconds));
      return replyJson(reply, { status: answer.status, body: { error: { message: `status ${answer.status}` } } });
    }
    if (input.stream) return writeEvents(reply, input.stream(answer.reply));
    replyJson(reply, { body: input.write?.(answer.reply) });
  });
}

/** Answers with `text/event-stream`, one `data:` event per string, each written separately as a server would. */
export function writeEvents(reply: ServerResponse, events: readonly string[], options: { cut?: boolean } = {}): void {
  reply.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  reply.flushHeaders();
  const queue = [...events];
  const next = (): void => {
    const data = queue.shift();
    if (data === undefined) return void (options.cut ? reply.socket?.destroy() : reply.end());
    reply.write(`data: ${data}\n\n`);
    setTimeout(next, 2);
  };
  next();
}
