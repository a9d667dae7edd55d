import { createOpenAiTarget } from './openai-target.js';
import { testContext } from '../../../test/support/local-server.js';
import { startScriptedHttp } from '../../../test/support/scripted-http.js';
import { describeTargetConformance, type ScriptedRequest } from '../../../test/support/target-conformance.js';

describeTargetConformance('openai (Chat Completions)', {
  supports: { status: true, retryAfter: true, reset: true },
  start: async (script) => {
    const server = await startScriptedHttp({
      script,
      read: (body) => JSON.parse(body) as ScriptedRequest,
      write: (text) => ({ id: 'c', object: 'chat.completion', created: 0, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }] }),
    });
    const config = { type: 'openai' as const, baseUrl: `${server.url}/v1`, model: 'm' };
    return { target: createOpenAiTarget(config, testContext({})), config, close: server.close };
  },
});
