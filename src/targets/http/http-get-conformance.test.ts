import { createHttpTarget } from './http-target.js';
import { testContext } from '../../../test/support/local-server.js';
import { startScriptedHttp } from '../../../test/support/scripted-http.js';
import { describeTargetConformance, type ScriptedRequest } from '../../../test/support/target-conformance.js';

describeTargetConformance('http (GET with the conversation in the query)', {
  supports: { status: true, retryAfter: true, reset: true },
  start: async (script) => {
    const server = await startScriptedHttp({
      script,
      read: (_body, raw) => ({ messages: JSON.parse(new URL(raw.url ?? '', 'http://x').searchParams.get('history') ?? '[]') as ScriptedRequest['messages'] }),
      write: (text) => ({ answer: text }),
    });
    const config = { type: 'http', method: 'GET', url: `${server.url}/ask`, query: { history: '{{messages}}' }, responsePath: '$.answer' };
    return { target: createHttpTarget(config as never, testContext({})), config, close: server.close };
  },
});
