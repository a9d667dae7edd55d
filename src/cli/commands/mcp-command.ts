import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from '../../core/errors.js';
import { DEFAULT_MCP_LOCK_FILE, isMcpSeverity, MCP_SEVERITIES, mcpSeverityRank, scanMcpServer, type McpFinding, type McpScanResult, type McpSeverity } from '../../api/mcp-scan.js';
import { sanitizeTerminal } from '../../api/terminal-output.js';
import { EXIT } from '../exit-codes.js';
import { wholeNumberOption } from '../whole-number-option.js';

/** Options of `redline mcp scan TARGET`. */
export type McpScanCommandOptions = {
  arg?: string[];
  env?: string[];
  header?: string[];
  lock?: string;
  updateLock?: boolean;
  json?: boolean;
  failOn?: string;
  timeout?: string;
};

/** Version of the `--json` output's shape. */
export const MCP_SCAN_JSON_VERSION = 1;

function failOnOf(value: string | undefined): McpSeverity | undefined {
  if (value === undefined) return undefined;
  if (!isMcpSeverity(value)) throw new ConfigError(`--fail-on takes a severity (${MCP_SEVERITIES.join(', ')}), not '${value}'`, { file: '<command line>', path: '--fail-on', hint: '--fail-on high' });
  return value;
}

/** The lock file to use: --lock, else ./redline-mcp.lock.json when --update-lock is given or the file exists. */
function lockOf(options: McpScanCommandOptions, cwd: string): { file: string; update: boolean } | undefined {
  const update = options.updateLock === true;
  if (options.lock !== undefined) return { file: resolve(cwd, options.lock), update };
  const file = resolve(cwd, DEFAULT_MCP_LOCK_FILE);
  return update || existsSync(file) ? { file, update } : undefined;
}

/** How many findings of each severity, most severe first. */
function severityCounts(findings: readonly McpFinding[]): Record<McpSeverity, number> {
  const counts = Object.fromEntries([...MCP_SEVERITIES].reverse().map((s) => [s, 0])) as Record<McpSeverity, number>;
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

/** The scan as the terminal shows it; everything the server sent passes through sanitizeTerminal. */
export function mcpScanLines(result: McpScanResult, failOn: { severity: McpSeverity; failed: boolean } | undefined): string[] {
  const { server, counts, findings } = result;
  const named = server.name === undefined ? '' : ` — server "${server.name}"${server.version === undefined ? '' : ` ${server.version}`}`;
  const out = [sanitizeTerminal(`MCP scan of ${server.identity}${named}`)];
  const bySeverity = severityCounts(findings);
  const tally = findings.length === 0 ? 'no findings' : `${findings.length} finding${findings.length === 1 ? '' : 's'}: ${Object.entries(bySeverity).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${s}`).join(', ')}`;
  out.push(`${counts.tools} tools, ${counts.prompts} prompts, ${counts.resources} resources; ${tally}`);
  if (findings.length > 0) {
    const itemOf = (f: McpFinding): string => sanitizeTerminal(`${f.item.kind} ${f.item.name}`);
    const widths = [8, Math.max(4, ...findings.map((f) => f.rule.length)), Math.max(4, ...findings.map((f) => Array.from(itemOf(f)).length))];
    const row = (cells: string[]): string => cells.map((c, i) => (i < widths.length ? c.padEnd(widths[i]!) : c)).join('  ').trimEnd();
    out.push('', row(['SEVERITY', 'RULE', 'ITEM', 'FIELD']));
    for (const f of findings) {
      out.push(row([f.severity, f.rule, itemOf(f), sanitizeTerminal(f.field)]));
      out.push(`${' '.repeat(widths[0]! + 2)}${sanitizeTerminal(f.message)}`);
      out.push(`${' '.repeat(widths[0]! + 2)}${sanitizeTerminal(f.evidence)}`);
      out.push(`${' '.repeat(widths[0]! + 2)}${[...f.taxonomy.owasp, ...f.taxonomy.atlas].join(' ')}`);
    }
    out.push('');
  }
  if (result.lock !== undefined) {
    const status = result.lock.status === 'compared' ? 'compared with this server\'s pins' : 'no pins for this server yet';
    out.push(`lock: ${sanitizeTerminal(result.lock.file)}: ${status}${result.lock.written ? '; current pins written' : ' (--update-lock pins the current definitions)'}`);
  }
  if (failOn !== undefined) out.push(`fail-on ${failOn.severity}: ${failOn.failed ? 'FAILED' : 'passed'}`);
  out.push(`note: ${result.note}`);
  return out;
}

/**
 * `redline mcp scan TARGET`: a static, offline audit of what an MCP server advertises, with pinning. Exit 1 when
 * --fail-on is given and a finding is at or above it; a server that cannot be reached is a command-line error (2).
 */
export async function runMcpScanCommand(target: string, options: McpScanCommandOptions): Promise<number> {
  const failOn = failOnOf(options.failOn);
  const timeout = wholeNumberOption(options.timeout, '--timeout', 1, 30);
  const cwd = process.cwd();
  const lock = lockOf(options, cwd);
  const result = await scanMcpServer({
    target,
    args: options.arg ?? [],
    envNames: options.env ?? [],
    headers: options.header ?? [],
    env: process.env,
    cwd,
    ...(lock === undefined ? {} : { lock }),
    ...(timeout === undefined ? {} : { timeoutMs: timeout * 1000 }),
  });
  const failed = failOn !== undefined && result.findings.some((f) => mcpSeverityRank(f.severity) >= mcpSeverityRank(failOn));
  const gate = failOn === undefined ? undefined : { severity: failOn, failed };
  if (options.json === true) {
    const { server, counts, findings, note } = result;
    const json = { schemaVersion: MCP_SCAN_JSON_VERSION, server, counts, summary: severityCounts(findings), findings, ...(result.lock === undefined ? {} : { lock: result.lock }), ...(gate === undefined ? {} : { failOn: gate }), note };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    process.stdout.write(`${mcpScanLines(result, gate).join('\n')}\n`);
  }
  return failed ? EXIT.gateFailed : EXIT.ok;
}
