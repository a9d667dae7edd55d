import { ConfigError } from '../core/errors.js';
import {
  auditListing, DEFAULT_MCP_LOCK_FILE, isHttpTarget, MCP_SCAN_NOTE, pinFindings, pinsOf, serverIdentity, sortFindings, withServerPins,
  type McpFinding, type McpListing, type McpServerAddress,
} from '../mcp/index.js';
import { listMcpServer } from './mcp-connection.js';
import { readMcpLock, writeMcpLock } from './mcp-lock-store.js';
import { mcpConnectionFor } from './mcp-target-options.js';

export { DEFAULT_MCP_LOCK_FILE, MCP_SCAN_NOTE };
export { isMcpSeverity, mcpSeverityRank, MCP_RULES, MCP_SEVERITIES, type McpFinding, type McpSeverity } from '../mcp/index.js';

/** What `redline mcp scan` scans and how. */
export type McpScanOptions = {
  /** A command run over stdio, or an http(s) URL reached over Streamable HTTP. */
  readonly target: string;
  /** The command's arguments (stdio only); each may reference `${NAME}`. */
  readonly args?: readonly string[];
  /** Environment variables passed to the command (stdio only), by name; it gets these and PATH, never the whole environment. */
  readonly envNames?: readonly string[];
  /** Request headers (URL only) as 'Name: value'; values reference secrets as `${NAME}`. */
  readonly headers?: readonly string[];
  /** Where `${NAME}` references and the variables named by `envNames` are read (the CLI passes process.env). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The lock file to compare with (when it holds this server's pins) and, with `update`, to write this server's pins into. */
  readonly lock?: { readonly file: string; readonly update: boolean };
  /** How long each request may take (default 30 s). */
  readonly timeoutMs?: number;
  /** Working directory of a stdio server (default: this process's). */
  readonly cwd?: string;
  /** The clock stamping new pins. */
  readonly now?: () => Date;
};

/** What happened with the lock file. */
export type McpLockOutcome = {
  /** The lock file. */
  readonly file: string;
  /** 'compared': it pinned this server and the pins were checked; 'not-pinned': it holds no pins for this server yet. */
  readonly status: 'compared' | 'not-pinned';
  /** True when this scan wrote the server's current pins into it. */
  readonly written: boolean;
};

/** The outcome of one scan. */
export type McpScanResult = {
  /** The server: its identity (no secrets), transport, and the name and version it gave. */
  readonly server: { readonly identity: string; readonly transport: 'stdio' | 'http'; readonly name?: string; readonly version?: string };
  /** How many tools, prompts and resources it advertised. */
  readonly counts: { readonly tools: number; readonly prompts: number; readonly resources: number };
  /** Every finding, most severe first. */
  readonly findings: readonly McpFinding[];
  /** The lock file's part, when one was used. */
  readonly lock?: McpLockOutcome;
  /** That this is a static check, and what it cannot see. */
  readonly note: string;
};

const DEFAULT_TIMEOUT_MS = 30_000;
// Secrets shorter than this would blank out ordinary words.
const MIN_SECRET = 4;

/** Every string in a value (object keys too) with each secret replaced by '***'. */
export function redactDeep<T>(value: T, secrets: readonly string[]): T {
  const long = secrets.filter((s) => s.length >= MIN_SECRET).sort((a, b) => b.length - a.length);
  if (long.length === 0) return value;
  const text = (s: string): string => long.reduce((out, secret) => out.split(secret).join('***'), s);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return text(v);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, inner]) => [text(k), walk(inner)]));
    return v;
  };
  return walk(value) as T;
}

/**
 * Scans an MCP server, offline: connects (stdio or Streamable HTTP, with the official SDK), lists what it advertises,
 * applies the static rules, and compares with (and optionally updates) the lock file's pins. Secrets given through the
 * environment or headers never appear in the result or the lock file.
 */
export async function scanMcpServer(options: McpScanOptions): Promise<McpScanResult> {
  const target = options.target.trim();
  if (target === '') throw new ConfigError('name the MCP server to scan: a command or an http(s) URL', { file: '<command line>', path: 'target', hint: 'redline mcp scan npx --arg -y --arg @modelcontextprotocol/server-everything, or redline mcp scan http://127.0.0.1:3000/mcp' });
  const address: McpServerAddress = isHttpTarget(target) ? { transport: 'http', url: target } : { transport: 'stdio', command: target, args: options.args ?? [] };
  const identity = serverIdentity(address);
  const { connection, secrets } = mcpConnectionFor(address, options);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const listed = await listMcpServer(connection, { display: identity, transport: address.transport, secrets, timeoutMs });
  // Rules read, and findings quote, a copy with the secrets hidden; pins hash what the server really advertised.
  const shown = redactDeep(listed, secrets);
  const serverName = shown.server.name ?? identity;
  const findings = auditListing(shown.listing, { serverName });
  const lock = options.lock === undefined ? undefined : compareAndPin({ file: options.lock.file, update: options.lock.update, identity, listing: listed.listing, shown: shown.listing, serverName, now: options.now ?? (() => new Date()) });
  return {
    server: { identity, transport: address.transport, ...shown.server },
    counts: { tools: listed.listing.tools.length, prompts: listed.listing.prompts.length, resources: listed.listing.resources.length },
    findings: sortFindings([...findings, ...(lock?.findings ?? [])]),
    ...(lock === undefined ? {} : { lock: lock.outcome }),
    note: MCP_SCAN_NOTE,
  };
}

/** Compares the server with its pins in the lock file, and writes its current pins when asked. */
function compareAndPin(input: { file: string; update: boolean; identity: string; listing: McpListing; shown: McpListing; serverName: string; now: () => Date }): { findings: McpFinding[]; outcome: McpLockOutcome } {
  const lock = readMcpLock(input.file);
  const pinned = lock !== undefined && Object.hasOwn(lock.servers, input.identity) ? lock.servers[input.identity] : undefined;
  const current = pinsOf(input.listing);
  const findings = pinned === undefined ? [] : pinFindings({ pinned, current, listing: input.shown, serverName: input.serverName });
  if (input.update) writeMcpLock(input.file, withServerPins(lock, { identity: input.identity, pins: current, pinnedAt: input.now().toISOString() }));
  return { findings, outcome: { file: input.file, status: pinned === undefined ? 'not-pinned' : 'compared', written: input.update } };
}
