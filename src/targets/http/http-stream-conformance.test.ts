import { createHttpTarget } from './http-target.js';
import { testContext } from '../../../test/support/local-server.js';
import { startScriptedHttp } from '../../../test/support/scripted-http.js';
import { describeTargetConformance, type ScriptedRequest } from '../../../test/support/target-conformance.js';

describeTargetConformance('http (custom app, streamed as server-sent events)', {
  supports: { status: true, retryAfter: true, reset: true },
  start: async (script) => {
    const server = await startScriptedHttp({
      script,
      read: (body) => ({ messages: (JSON.parse(body) as { history: ScriptedRequest['messages'] }).history }),
      stream: (text) => [...(text.match(/.{1,4}/gs) ?? []).map((piece) => JSON.stringify({ delta: piece })), '[DONE]'],
    });
    const config = { type: 'http', url: `${server.url}/chat`, body: { history: '{{messages}}' }, stream: { format: 'sse', textPath: '$.delta', done: '[DONE]' } };
    return { target: createHttpTarget(config as never, testContext({})), config, close: server.close };
  },
});
