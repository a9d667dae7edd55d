import { createBedrockTarget } from './bedrock-target.js';
import { testContext } from '../../../test/support/local-server.js';
import { startScriptedHttp } from '../../../test/support/scripted-http.js';
import { describeTargetConformance, type ScriptedRequest } from '../../../test/support/target-conformance.js';

type ConverseBody = { messages: { role: string; content: { text: string }[] }[] };

describeTargetConformance('bedrock (Converse)', {
  supports: { status: true, retryAfter: true, reset: true },
  start: async (script) => {
    const server = await startScriptedHttp({
      script,
      read: (body): ScriptedRequest => ({
        messages: (JSON.parse(body) as ConverseBody).messages.map((m) => ({ role: m.role, content: m.content.map((c) => c.text).join('') })),
      }),
      write: (text) => ({ output: { message: { role: 'assistant', content: [{ text }] } }, stopReason: 'end_turn', usage: { inputTokens: 5, outputTokens: 2, totalTokens: 7 }, metrics: { latencyMs: 1 } }),
    });
    const config = { type: 'bedrock' as const, baseUrl: server.url, region: 'us-east-1', model: 'anthropic.test-v1:0' };
    return { target: createBedrockTarget(config, testContext({})), config, close: server.close };
  },
});
