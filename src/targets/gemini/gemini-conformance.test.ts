import { createGeminiTarget } from './gemini-target.js';
import { testContext } from '../../../test/support/local-server.js';
import { startScriptedHttp } from '../../../test/support/scripted-http.js';
import { describeTargetConformance, type ScriptedRequest } from '../../../test/support/target-conformance.js';

type GeminiBody = { contents: { role: string; parts: { text: string }[] }[] };

describeTargetConformance('gemini (generateContent)', {
  supports: { status: true, retryAfter: true, reset: true },
  start: async (script) => {
    const server = await startScriptedHttp({
      script,
      read: (body): ScriptedRequest => ({
        messages: (JSON.parse(body) as GeminiBody).contents.map((c) => ({ role: c.role === 'model' ? 'assistant' : c.role, content: c.parts.map((p) => p.text).join('') })),
      }),
      write: (text) => ({ candidates: [{ content: { role: 'model', parts: [{ text }] }, finishReason: 'STOP', index: 0 }], usageMetadata: { promptTokenCount: 5, candidatesTokenCount: 2 } }),
    });
    const config = { type: 'gemini' as const, baseUrl: server.url, model: 'gemini-test' };
    return { target: createGeminiTarget(config, testContext({})), config, close: server.close };
  },
});
