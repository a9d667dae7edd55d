import { createWsTarget } from './ws-target.js';
import { testContext } from '../../../test/support/local-server.js';
import { startScriptedWs } from '../../../test/support/scripted-ws.js';
import { describeTargetConformance } from '../../../test/support/target-conformance.js';

describeTargetConformance('ws (WebSocket chat, reply in pieces)', {
  // Faults come after the handshake, as frames: there is no HTTP status or Retry-After to carry (handshake statuses are
  // tested in ws-target.test.ts); a reset is a terminated TCP connection.
  supports: { status: false, retryAfter: false, reset: true },
  start: async (script) => {
    const server = await startScriptedWs(script);
    const config = { type: 'ws' as const, url: server.url, message: { prompt: '{{prompt}}' }, responsePath: '$.text', until: { path: '$.type', equals: 'done' } };
    return { target: createWsTarget(config, testContext({})), config, close: server.close };
  },
});
