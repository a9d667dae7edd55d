import { startExfilListener, storedRunTokens } from '../../api/exfil-listener.js';
import { withExistingStore } from '../../api/open-store.js';
import { sanitizeTerminal } from '../../api/terminal-output.js';
import type { ExfilHit } from '../../core/exfil.js';
import { ConfigError } from '../../core/errors.js';
import { untilInterrupted } from '../until-interrupted.js';
import { wholeNumberOption } from '../whole-number-option.js';
import { commandDatabase } from './runs-command.js';

/** Options of `redline listen`. */
export type ListenOptions = { db?: string; config?: string; port?: string; host?: string };

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);
const shown = (hit: ExfilHit) => `${hit.method} ${sanitizeTerminal(hit.path)}${hit.userAgent === undefined ? '' : ` "${sanitizeTerminal(hit.userAgent)}"`}`;

/**
 * A standalone out-of-band listener: requests carrying a token of any run in the store are printed against their run
 * and attempt (a fetch that came after the scan stopped, an agent run outside Redline with a run's addresses); other
 * requests are printed as unattributed. Nothing is stored: the attempts' verdicts were given when they ran.
 */
export async function runListenCommand(options: ListenOptions): Promise<number> {
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) throw new ConfigError(`--host ${host}: the listener binds loopback only`, { file: '<command line>', path: '--host', hint: 'reach it from elsewhere through a tunnel you control, and plant its address with listener.publicUrl' });
  return withExistingStore(await commandDatabase(options), async (store) => {
    const listener = await startExfilListener({
      host, port: wholeNumberOption(options.port, '--port', 0) ?? 8700,
      attribute: storedRunTokens(store),
      onHit: (hit, attempt) => process.stdout.write(`hit: run ${attempt.runId} attempt ${attempt.seq}: ${shown(hit)}\n`),
      onStray: (hit) => process.stdout.write(`unattributed: ${shown(hit)}\n`),
    });
    process.stderr.write(`listening on ${listener.baseUrl} (Ctrl-C stops)\n`);
    await untilInterrupted();
    await listener.close();
    const { attributed, unattributed } = listener.counts();
    process.stderr.write(`stopped: ${attributed} attributed, ${unattributed} unattributed\n`);
    return 0;
  });
}
