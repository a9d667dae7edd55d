import { createOpenAiTarget } from './openai-target.js';
import { testContext } from '../../../test/support/local-server.js';
import { startScriptedHttp } from '../../../test/support/scripted-http.js';
import { chatChunks } from '../../../test/support/chat-chunks.js';
import { describeTargetConformance, type ScriptedRequest } from '../../../test/support/target-conformance.js';

describeTargetConformance('openai (Chat Completions, streamed)', {
  supports: { status: true, retryAfter: true, reset: true },
  start: async (script) => {
    const server = await startScriptedHttp({ script, read: (body) => JSON.parse(body) as ScriptedRequest, stream: chatChunks });
    const config = { type: 'openai' as const, baseUrl: `${server.url}/v1`, model: 'm', stream: true };
    return { target: createOpenAiTarget(config, testContext({})), config, close: server.close };
  },
});
