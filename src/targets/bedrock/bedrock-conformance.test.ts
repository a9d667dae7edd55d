import { createBedrockTarget } from './bedrock-target.js';
import { testContext } from '../../../test/support/local-server.js';
import { bedrockServer } from '../../../test/support/sdk-protocol-servers.js';
import { describeTargetConformance } from '../../../test/support/target-conformance.js';

describeTargetConformance('bedrock (Converse)', {
  supports: { status: true, retryAfter: true, reset: true },
  start: async (script) => {
    const server = await bedrockServer(script);
    const config = { type: 'bedrock' as const, baseUrl: server.url, region: 'us-east-1', model: 'anthropic.test-v1:0' };
    return { target: createBedrockTarget(config, testContext({})), config, close: server.close };
  },
});
