import type { ServerResponse } from 'node:http';
import type { IncomingMessage } from 'node:http';
import { replyJson, startLocalServer, type LocalServer } from './local-server.js';
import type { ScriptedAnswer, ScriptedRequest } from './target-conformance.js';

/**
 * A local HTTP server for the target conformance suite: `read` takes the conversation out of a request body, `write`
 * puts a reply text into the protocol's answer; faults are HTTP statuses (with Retry-After), resets and silence.
 */
export function startScriptedHttp(input: {
  readonly script: (request: ScriptedRequest) => ScriptedAnswer;
  readonly read: (body: string) => ScriptedRequest;
  readonly write: (text: string) => unknown;
}): Promise<LocalServer> {
  return startLocalServer((reply: ServerResponse, request: { body: string; raw: IncomingMessage }) => {
    const answer = input.script(input.read(request.body));
    if ('silent' in answer) return;
    if ('reset' in answer) return void request.raw.socket.destroy();
    if ('status' in answer) {
      if (answer.retryAfterSeconds !== undefined) reply.setHeader('retry-after', String(answer.retryAfterSeconds));
      return replyJson(reply, { status: answer.status, body: { error: { message: `status ${answer.status}` } } });
    }
    replyJson(reply, { body: input.write(answer.reply) });
  });
}
