import { createGeminiTarget } from './gemini-target.js';
import { testContext } from '../../../test/support/local-server.js';
import { geminiServer } from '../../../test/support/sdk-protocol-servers.js';
import { describeTargetConformance } from '../../../test/support/target-conformance.js';

describeTargetConformance('gemini (generateContent)', {
  supports: { status: true, retryAfter: true, reset: true },
  start: async (script) => {
    const server = await geminiServer(script);
    const config = { type: 'gemini' as const, baseUrl: server.url, model: 'gemini-test' };
    return { target: createGeminiTarget(config, testContext({})), config, close: server.close };
  },
});
