import { createHttpTarget } from './http-target.js';
import { testContext } from '../../../test/support/local-server.js';
import { startScriptedHttp } from '../../../test/support/scripted-http.js';
import { describeTargetConformance, type ScriptedRequest } from '../../../test/support/target-conformance.js';

describeTargetConformance('http (custom JSON app)', {
  supports: { status: true, retryAfter: true, reset: true },
  start: async (script) => {
    const server = await startScriptedHttp({
      script,
      read: (body) => ({ messages: (JSON.parse(body) as { history: ScriptedRequest['messages'] }).history }),
      write: (text) => ({ result: { answer: text } }),
    });
    const config = { type: 'http', url: `${server.url}/chat`, body: { history: '{{messages}}' }, responsePath: '$.result.answer' };
    return { target: createHttpTarget(config as never, testContext({})), config, close: server.close };
  },
});
