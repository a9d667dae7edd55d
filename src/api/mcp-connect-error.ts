import { ConfigError } from '../core/errors.js';
import { redactExcerpt } from '../targets/http-failure.js';

/** What an MCP connection failure is reported against. */
export type McpFailureScope = {
  /** The server as output may name it (`serverIdentity`: no credentials, no query). */
  readonly display: string;
  /** How the server is reached. */
  readonly transport: 'stdio' | 'http';
  /** Values that must never appear in a message (environment values, header values, URL credentials). */
  readonly secrets: readonly string[];
  /** How long each request may take, for the timeout message. */
  readonly timeoutMs: number;
};

// The SDK's JSON-RPC error codes (ErrorCode in @modelcontextprotocol/sdk/types).
const CONNECTION_CLOSED = -32000;
const REQUEST_TIMEOUT = -32001;

const RETRY_HINT = { stdio: 'check that the command starts an MCP server on stdio (it gets only PATH, the SDK\'s defaults and the variables named by --env)', http: 'check the URL and that the server is running and speaks Streamable HTTP (the older SSE transport is not supported)' } as const;

/** The error's code, and why a network call failed (fetch's 'fetch failed' hides ECONNREFUSED or 'bad port' in its cause). */
function codes(error: unknown): { code: unknown; causeCode: unknown } {
  const e = error as { code?: unknown; cause?: { code?: unknown; message?: unknown } } | null;
  const cause = e?.cause;
  return { code: e?.code, causeCode: typeof cause?.code === 'string' ? cause.code : typeof cause?.message === 'string' ? cause.message : undefined };
}

/** A ConfigError (exit code 2) for a server that could not be started, reached or listed: names the server, hints, hides secrets. */
export function mcpConnectError(error: unknown, scope: McpFailureScope & { stderr: string }): ConfigError {
  const clean = (text: string): string => redactExcerpt(text, scope.secrets);
  const message = error instanceof Error ? error.message : String(error);
  const { code, causeCode } = codes(error);
  const stderr = scope.stderr.trim() === '' ? '' : `; its standard error ended with: ${clean(scope.stderr.slice(-300))}`;
  const fail = (what: string, hint: string): ConfigError =>
    new ConfigError(`${what}`, { file: '<command line>', path: 'target', hint: `${hint}${stderr}`, cause: error });
  if (code === 'ENOENT' || code === 'EACCES') {
    return fail(`cannot start the MCP server ${scope.display}: ${String(code)}`, 'check the command name and that it is on PATH (the server gets only PATH, the SDK\'s defaults and the variables named by --env)');
  }
  if (code === REQUEST_TIMEOUT) {
    return fail(`the MCP server ${scope.display} did not answer within ${scope.timeoutMs / 1000} s`, `${RETRY_HINT[scope.transport]}; a slow server needs a longer --timeout`);
  }
  if (code === CONNECTION_CLOSED) return fail(`the MCP server ${scope.display} closed the connection before answering`, RETRY_HINT[scope.transport]);
  if (typeof code === 'number' && code >= 400 && code < 600) {
    const hint = code === 401 || code === 403
      ? 'the server wants credentials: pass them with --header \'Authorization: Bearer ${MY_TOKEN}\' (a variable name, never the value)'
      : code === 404 || code === 405 ? 'check the endpoint path (often /mcp); a server on the older SSE transport is not supported' : RETRY_HINT.http;
    return fail(`the MCP server ${scope.display} answered HTTP ${code}: ${clean(message)}`, hint);
  }
  if (typeof causeCode === 'string') return fail(`cannot reach the MCP server ${scope.display}: ${clean(causeCode)}`, RETRY_HINT[scope.transport]);
  return fail(`cannot scan the MCP server ${scope.display}: ${clean(message)}`, RETRY_HINT[scope.transport]);
}
