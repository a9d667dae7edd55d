import { loadConfig } from '../../api/configuration.js';
import { openGuardProxy } from '../../api/guard-proxy.js';
import { sanitizeTerminal } from '../../api/terminal-output.js';
import { startGuardProxy } from '../../server/start-guard-proxy.js';
import type { ProxyLogEntry } from '../../server/guard-proxy-app.js';
import { wholeNumberOption } from '../whole-number-option.js';
import { untilInterrupted } from '../until-interrupted.js';

/** Options of `redline guard serve`. */
export type GuardServeOptions = { config?: string; port?: string; host?: string };

/** One log line: method, route, status, latency and the blocking or failing layer — never a header, key or message. */
export function proxyLogLine(entry: ProxyLogEntry): string {
  const layer = entry.blockedBy !== undefined ? ` blocked-by=${entry.blockedBy}` : entry.failedLayer !== undefined ? ` failed-layer=${entry.failedLayer}` : '';
  return `${entry.method} ${entry.route} ${entry.status} ${Math.round(entry.latencyMs)}ms${sanitizeTerminal(layer)}\n`;
}

/**
 * Serves the configuration's guarded target as an OpenAI-compatible endpoint until interrupted: binds loopback unless
 * told otherwise, refuses a non-loopback address without REDLINE_GUARD_TOKEN, prints the base URL and the model id,
 * and logs one line per request to stderr.
 */
export async function runGuardServeCommand(options: GuardServeOptions, signals: { wait?: () => Promise<void> } = {}): Promise<number> {
  const port = wholeNumberOption(options.port ?? '8787', '--port', 0)!;
  const token = process.env['REDLINE_GUARD_TOKEN'];
  const loaded = await loadConfig({ file: options.config, cwd: process.cwd() });
  for (const warning of loaded.warnings) process.stderr.write(`warning: ${sanitizeTerminal(warning)}\n`);
  const proxy = openGuardProxy({ loaded, env: process.env });
  try {
    const running = await startGuardProxy({
      proxy, port, ...(options.host === undefined ? {} : { host: options.host }), ...(token === undefined || token === '' ? {} : { token }),
      log: (entry) => process.stderr.write(proxyLogLine(entry)),
    });
    const key = token === undefined || token === '' ? 'any API key (loopback, no REDLINE_GUARD_TOKEN set)' : 'the REDLINE_GUARD_TOKEN value as the API key';
    process.stdout.write(`Redline guard proxy for ${sanitizeTerminal(loaded.file)}\nlistening on ${running.listening.join(' and ')}\nbase URL: ${running.baseUrl}\nmodel: ${sanitizeTerminal(proxy.model)}\nclients send ${key}; Ctrl-C stops\n`);
    await (signals.wait ?? untilInterrupted)();
    await running.close();
    return 0;
  } finally {
    await proxy.close();
  }
}
