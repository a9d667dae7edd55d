import { MCP_ATTACKS, serveMcpAttacks, serveMcpAttackStdio, type McpAttackHit } from '../../api/mcp-attack-servers.js';
import { ConfigError } from '../../core/errors.js';
import { sanitizeTerminal } from '../../api/terminal-output.js';
import { untilInterrupted } from '../until-interrupted.js';
import { wholeNumberOption } from '../whole-number-option.js';

/** Options of `redline mcp serve`. */
export type McpServeOptions = { port?: string; host?: string; stdio?: string; list?: boolean };

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

/** One line per hit on standard error: the agent did what a malicious server asked. */
function hitLine(hit: McpAttackHit): string {
  const args = JSON.stringify(hit.args);
  return `hit: ${hit.fixture}: the agent called ${hit.tool}(${sanitizeTerminal(args.length > 200 ? `${args.slice(0, 200)}…` : args)})\n`;
}

/**
 * Serves malicious MCP servers for an agent under test: over Streamable HTTP at /mcp/NAME on loopback (all of them,
 * or the names given), or one over stdio (`--stdio NAME`, for agents that start servers as commands). Every call that
 * shows the agent complied is printed as a hit; the count is printed when it stops.
 */
export async function runMcpServeCommand(names: readonly string[], options: McpServeOptions): Promise<number> {
  if (options.list === true) {
    for (const [name, what] of Object.entries(MCP_ATTACKS)) process.stdout.write(`${name.padEnd(18)}${what}\n`);
    return 0;
  }
  let hits = 0;
  const onHit = (hit: McpAttackHit) => {
    hits += 1;
    process.stderr.write(hitLine(hit));
  };
  if (options.stdio !== undefined) {
    // Standard output carries the protocol: nothing else may be written there.
    const { closed } = await serveMcpAttackStdio({ name: options.stdio, onHit });
    await Promise.race([closed, new Promise<void>((resolve) => process.stdin.once('end', resolve)), untilInterrupted()]);
    process.stderr.write(`stopped: ${hits} hits\n`);
    return 0;
  }
  const host = options.host ?? '127.0.0.1';
  if (!LOOPBACK.has(host)) {
    throw new ConfigError(`--host ${host} would offer these attack servers beyond this machine`, { file: '<command line>', path: '--host', hint: 'serve on 127.0.0.1 (the default) and run the agent under test on this machine' });
  }
  const served = await serveMcpAttacks({ names: names.length === 0 ? Object.keys(MCP_ATTACKS) : names, host, port: wholeNumberOption(options.port, '--port', 0) ?? 8765, onHit });
  for (const [name, url] of Object.entries(served.urls)) process.stdout.write(`${name.padEnd(18)}${url}\n`);
  process.stdout.write('Point the agent under test at these endpoints (Streamable HTTP). Hits are printed as they happen; Ctrl-C stops.\n');
  await untilInterrupted();
  await served.close();
  process.stderr.write(`stopped: ${hits} hits\n`);
  return 0;
}
