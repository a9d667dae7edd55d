import { userInfo } from 'node:os';
import { openStoreAt } from '../../api/open-store.js';
import { startDashboard } from '../../server/start-dashboard.js';
import { wholeNumberOption } from '../whole-number-option.js';
import { commandDatabase } from './runs-command.js';
import { untilInterrupted } from '../until-interrupted.js';

/** Options of `redline serve`. */
export type ServeOptions = { db?: string; config?: string; port?: string; host?: string; token?: string; reviewer?: string };

/**
 * Serves the dashboard over the store until interrupted: prints one URL carrying a token (random per start unless
 * --token or REDLINE_SERVE_TOKEN gives one), binds loopback unless told otherwise, and refuses a non-loopback
 * address without a chosen token.
 */
export async function runServeCommand(options: ServeOptions, signals: { wait?: () => Promise<void> } = {}): Promise<number> {
  const port = wholeNumberOption(options.port ?? '8484', '--port', 0)!;
  const token = options.token ?? process.env['REDLINE_SERVE_TOKEN'];
  const store = await openStoreAt(await commandDatabase(options), { mustExist: true });
  try {
    const dashboard = await startDashboard({
      store, port, ...(options.host === undefined ? {} : { host: options.host }), ...(token === undefined || token === '' ? {} : { token }),
      reviewer: options.reviewer ?? userInfo().username,
    });
    process.stdout.write(`Redline dashboard over ${store.location}\nlistening on ${dashboard.listening.join(' and ')}\nopen: ${dashboard.url}\n(the token in this URL is the key: do not share it; Ctrl-C stops)\n`);
    await (signals.wait ?? untilInterrupted)();
    await dashboard.close();
    return 0;
  } finally {
    await store.close();
  }
}
