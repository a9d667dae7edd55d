import { createAnthropicTarget } from './anthropic-target.js';
import { testContext } from '../../../test/support/local-server.js';
import { anthropicServer } from '../../../test/support/sdk-protocol-servers.js';
import { describeTargetConformance } from '../../../test/support/target-conformance.js';

describeTargetConformance('anthropic (Messages)', {
  supports: { status: true, retryAfter: true, reset: true },
  start: async (script) => {
    const server = await anthropicServer(script);
    const config = { type: 'anthropic' as const, baseUrl: server.url, model: 'm' };
    return { target: createAnthropicTarget(config, testContext({})), config, close: server.close };
  },
});
