import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../core/hash.js';
import { ConfigError } from '../core/errors.js';
import { clipEvidence, escapeHidden } from './evidence.js';
import { mcpFinding, type McpFinding, type McpItemKind, type McpRuleId } from './finding.js';
import type { McpListing } from './mcp-listing.js';

/** Version of the lock file's format. */
export const MCP_LOCK_VERSION = 1;

/** The lock file's name when `--lock` names none. */
export const DEFAULT_MCP_LOCK_FILE = 'redline-mcp.lock.json';

/** What the lock file says about itself, written into it. */
export const MCP_LOCK_NOTE = 'SHA-256 pins of what MCP servers advertised when scanned by `redline mcp scan` (tools, prompts, resources, instructions). A static check: a server can still behave differently later, or answer other clients differently.';

/** The pins of one server: the SHA-256 of each definition's canonical JSON, by name (resources by URI). */
export type McpPins = {
  /** Tool name → hash of {name, description, inputSchema}. */
  readonly tools: Readonly<Record<string, string>>;
  /** Prompt name → hash of {name, description, arguments}. */
  readonly prompts: Readonly<Record<string, string>>;
  /** Resource URI → hash of {uri, name, description, mimeType}. */
  readonly resources: Readonly<Record<string, string>>;
  /** Hash of the server's instructions, when it gave any. */
  readonly instructions?: string;
};

const pinsSchema = z.object({
  tools: z.record(z.string(), z.string()),
  prompts: z.record(z.string(), z.string()),
  resources: z.record(z.string(), z.string()),
  instructions: z.string().optional(),
  pinnedAt: z.string(),
});

const lockSchema = z.object({
  version: z.literal(MCP_LOCK_VERSION),
  note: z.string().optional(),
  servers: z.record(z.string(), pinsSchema),
});

/** A lock file: pins per server identity (see `serverIdentity`). */
export type McpLock = z.infer<typeof lockSchema>;

/** `sha256:` and the hex SHA-256 of a value's canonical JSON (keys sorted at every depth). */
export function definitionHash(value: unknown): string {
  return `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
}

/** The pins of everything a listing advertises. */
export function pinsOf(listing: McpListing): McpPins {
  const pins = {
    tools: Object.fromEntries(listing.tools.map((t) => [t.name, definitionHash({ name: t.name, description: t.description, inputSchema: t.inputSchema })])),
    prompts: Object.fromEntries(listing.prompts.map((p) => [p.name, definitionHash({ name: p.name, description: p.description, arguments: p.arguments })])),
    resources: Object.fromEntries(listing.resources.map((r) => [r.uri, definitionHash({ uri: r.uri, name: r.name, description: r.description, mimeType: r.mimeType })])),
  };
  return listing.instructions === undefined ? pins : { ...pins, instructions: definitionHash(listing.instructions) };
}

const PLURAL = { tool: 'tools', prompt: 'prompts', resource: 'resources' } as const;

/** The description a changed definition now has, quoted, so the finding shows what the model reads today. */
function nowSays(listing: McpListing, kind: McpItemKind, name: string): string {
  const text = kind === 'tool' ? listing.tools.find((t) => t.name === name)?.description
    : kind === 'prompt' ? listing.prompts.find((p) => p.name === name)?.description
      : kind === 'resource' ? listing.resources.find((r) => r.uri === name)?.description
        : listing.instructions;
  return text === undefined ? '' : `; now: "${escapeHidden(text)}"`;
}

const short = (hash: string): string => hash.slice(0, 'sha256:'.length + 12);

/**
 * Compares a server's pins with its current ones (`listing` is what findings quote, secrets already hidden): a changed definition is `definition-changed` (high), a new
 * one `tool-added` / `prompt-added` / `resource-added` (low), a missing one `…-removed` (low).
 */
export function pinFindings(compared: { pinned: McpPins; current: McpPins; listing: McpListing; serverName: string }): McpFinding[] {
  const { pinned, current, listing, serverName } = compared;
  const findings: McpFinding[] = [];
  for (const kind of ['tool', 'prompt', 'resource'] as const) {
    const before = pinned[PLURAL[kind]];
    const after = current[PLURAL[kind]];
    for (const [name, hash] of Object.entries(after)) {
      // Own properties only: a tool may be called 'constructor'.
      const old = Object.hasOwn(before, name) ? before[name] : undefined;
      if (old === undefined) {
        findings.push(mcpFinding({ rule: `${kind}-added` as McpRuleId, severity: 'low', item: { kind, name }, field: 'definition', evidence: clipEvidence(`new, ${short(hash)}${nowSays(listing, kind, name)}`), message: `a ${kind} the lock file does not pin` }));
      } else if (old !== hash) {
        findings.push(mcpFinding({ rule: 'definition-changed', severity: 'high', item: { kind, name }, field: 'definition', evidence: clipEvidence(`pinned ${short(old)}, now ${short(hash)}${nowSays(listing, kind, name)}`), message: `the ${kind}'s definition changed since it was pinned` }));
      }
    }
    for (const [name, old] of Object.entries(before)) {
      if (!Object.hasOwn(after, name)) findings.push(mcpFinding({ rule: `${kind}-removed` as McpRuleId, severity: 'low', item: { kind, name }, field: 'definition', evidence: `pinned ${short(old)}, no longer listed`, message: `a pinned ${kind} the server no longer lists` }));
    }
  }
  if (pinned.instructions !== current.instructions) {
    const evidence = `pinned ${pinned.instructions === undefined ? 'none' : short(pinned.instructions)}, now ${current.instructions === undefined ? 'none' : short(current.instructions)}${nowSays(listing, 'server', serverName)}`;
    findings.push(mcpFinding({ rule: 'definition-changed', severity: 'high', item: { kind: 'server', name: serverName }, field: 'instructions', evidence: clipEvidence(evidence), message: 'the server\'s instructions changed since they were pinned' }));
  }
  return findings;
}

/** Reads a lock file's text; anything but a lock file of this version is a ConfigError naming the file. */
export function parseMcpLock(text: string, file: string): McpLock {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(`${file} is not JSON: ${(error as Error).message}`, { file, path: '', hint: 'restore it from version control, or delete it and pin again with --update-lock', cause: error });
  }
  const parsed = lockSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ConfigError(`${file} is not a Redline MCP lock file (version ${MCP_LOCK_VERSION}): ${issue.message} at ${issue.path.join('.') || 'the top level'}`, {
      file, path: issue.path.join('.'), hint: 'restore it from version control, or delete it and pin again with --update-lock',
    });
  }
  return parsed.data;
}

/** The lock with one server's pins replaced (other servers kept as they are). */
export function withServerPins(lock: McpLock | undefined, update: { identity: string; pins: McpPins; pinnedAt: string }): McpLock {
  const servers = { ...(lock?.servers ?? {}), [update.identity]: { ...update.pins, pinnedAt: update.pinnedAt } };
  return { version: MCP_LOCK_VERSION, note: MCP_LOCK_NOTE, servers };
}

/** The lock file's text: stable JSON (keys sorted), so a change in version control is exactly the changed pins. */
export function mcpLockText(lock: McpLock): string {
  const { version, note, servers } = lock;
  const sorted = JSON.parse(canonicalJson(servers)) as unknown;
  return `${JSON.stringify({ version, note, servers: sorted }, null, 2)}\n`;
}
