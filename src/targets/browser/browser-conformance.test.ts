import { createBrowserTarget } from './browser-target.js';
import { testContext } from '../../../test/support/local-server.js';
import { startChatPage } from '../../../test/support/chat-page-server.js';
import { CHROMIUM, systemChromium } from '../../../test/support/system-chromium.js';
import { describeTargetConformance } from '../../../test/support/target-conformance.js';

describeTargetConformance('browser (chat web page in Chromium)', {
  requires: (ctx) => void systemChromium(ctx),
  // The page's script talks to its server; the page shows no HTTP status, Retry-After or reset of that request.
  supports: { status: false, retryAfter: false, reset: false },
  start: async (script) => {
    const server = await startChatPage(script);
    const config = { type: 'browser' as const, url: server.url, selectors: { input: '#prompt', send: '#send', reply: '.bot' }, settleMs: 200, executablePath: CHROMIUM };
    const target = createBrowserTarget(config, testContext({}));
    return { target, config, close: async () => (await target.close?.(), await server.close()) };
  },
});
