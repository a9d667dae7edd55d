import { createAnthropicTarget } from './anthropic-target.js';
import { testContext } from '../../../test/support/local-server.js';
import { startScriptedHttp } from '../../../test/support/scripted-http.js';
import { describeTargetConformance, type ScriptedRequest } from '../../../test/support/target-conformance.js';

describeTargetConformance('anthropic (Messages)', {
  supports: { status: true, retryAfter: true, reset: true },
  start: async (script) => {
    const server = await startScriptedHttp({
      script,
      read: (body) => JSON.parse(body) as ScriptedRequest,
      write: (text) => ({ id: 'msg_1', type: 'message', role: 'assistant', model: 'm', content: [{ type: 'text', text }], stop_reason: 'end_turn', usage: { input_tokens: 5, output_tokens: 2 } }),
    });
    const config = { type: 'anthropic' as const, baseUrl: server.url, model: 'm' };
    return { target: createAnthropicTarget(config, testContext({})), config, close: server.close };
  },
});
