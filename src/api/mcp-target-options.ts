import { ConfigError } from '../core/errors.js';
import type { McpServerAddress } from '../mcp/index.js';
import type { TargetContext } from '../targets/context.js';
import { expandEnvReferences, readEnv } from '../targets/env-reference.js';
import { expandHeaders } from '../targets/header-templates.js';
import type { McpConnection } from './mcp-connection.js';

const FILE = '<command line>';
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const SENSITIVE_HEADER = /auth|key|token|secret|cookie|password|session/i;
const ONLY_REFERENCES = /^\s*(?:[A-Za-z]+\s+)?(?:\$\{[A-Za-z_][A-Za-z0-9_]*\}\s*)+$/;

/** 'Name: value' lines as a record; a credential header must reference a variable, never hold the value itself. */
export function parseHeaderOptions(lines: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(':');
    const name = colon < 0 ? '' : line.slice(0, colon).trim();
    if (!HEADER_NAME.test(name)) throw new ConfigError(`--header must read 'Name: value'`, { file: FILE, path: '--header', hint: '--header \'Authorization: Bearer ${MCP_TOKEN}\'' });
    const value = line.slice(colon + 1).trim();
    if (SENSITIVE_HEADER.test(name) && !ONLY_REFERENCES.test(value)) {
      // Neither the value nor the line is quoted back: it is a credential on a command line.
      throw new ConfigError(`--header ${name} holds a literal credential`, { file: FILE, path: `--header ${name}`, hint: `reference an environment variable instead: --header '${name}: Bearer \${MCP_TOKEN}' (a command line is visible to other users and kept in shell history)` });
    }
    headers[name] = value;
  }
  return headers;
}

const SENSITIVE_QUERY = /key|token|secret|password|passwd|sig|auth|session|credential/i;

/** Values hidden in a URL: its user name and password, and query values under credential-like names. */
function urlSecrets(url: string): string[] {
  try {
    const parsed = new URL(url);
    const query = Array.from(parsed.searchParams).filter(([name]) => SENSITIVE_QUERY.test(name)).map(([, value]) => value);
    return [decodeURIComponent(parsed.username), decodeURIComponent(parsed.password), ...query].filter((s) => s !== '');
  } catch {
    return [];
  }
}

/**
 * How to connect to the address, with every `${NAME}` reference expanded from `env`, and the values that must never be
 * shown: the variables passed to a command, expanded references, URL credentials and credential-like query values.
 * A command gets PATH and the variables named by `envNames` only (plus the SDK's own non-secret defaults such as HOME).
 */
export function mcpConnectionFor(
  address: McpServerAddress,
  options: { env: Readonly<Record<string, string | undefined>>; args?: readonly string[]; envNames?: readonly string[]; headers?: readonly string[]; cwd?: string },
): { connection: McpConnection; secrets: string[] } {
  const context: TargetContext = { env: options.env, baseDir: options.cwd ?? '.', configFile: FILE };
  const secrets: string[] = [];
  if (address.transport === 'stdio') {
    if ((options.headers ?? []).length > 0) throw new ConfigError('--header applies to a URL; a command takes --arg and --env', { file: FILE, path: '--header', hint: 'pass the command\'s credentials with --env NAME' });
    const env: Record<string, string> = { PATH: options.env['PATH'] ?? '' };
    for (const name of options.envNames ?? []) {
      if (!ENV_NAME.test(name)) throw new ConfigError(`--env takes a variable name, not '${name.includes('=') ? `${name.slice(0, name.indexOf('='))}=…` : name}'`, { file: FILE, path: '--env', hint: 'export MY_TOKEN=… first, then pass --env MY_TOKEN' });
      env[name] = readEnv(name, { context, path: `--env ${name}` });
      secrets.push(env[name]);
    }
    const args = address.args.map((arg, i) => {
      const expanded = expandEnvReferences(arg, { context, path: `--arg[${i}]` });
      secrets.push(...expanded.secrets);
      return expanded.value;
    });
    return { connection: { transport: 'stdio', command: address.command, args, env, ...(options.cwd === undefined ? {} : { cwd: options.cwd }) }, secrets };
  }
  if ((options.args ?? []).length > 0 || (options.envNames ?? []).length > 0) {
    throw new ConfigError('--arg and --env apply to a command; a URL takes --header', { file: FILE, path: '--arg', hint: '--header \'Authorization: Bearer ${MCP_TOKEN}\'' });
  }
  const url = expandEnvReferences(address.url, { context, path: 'target' });
  const headers = expandHeaders(parseHeaderOptions(options.headers ?? []), context);
  secrets.push(...url.secrets, ...urlSecrets(url.value), ...headers.secrets);
  return { connection: { transport: 'http', url: url.value, headers: headers.value }, secrets };
}
