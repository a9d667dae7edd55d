import type { Transport } from '@modelcontextprotocol/sdk/shared/transport.js';
import type { McpListing, McpPrompt, McpResource, McpTool } from '../mcp/index.js';
import { redlineVersion } from './version.js';
import { mcpConnectError, type McpFailureScope } from './mcp-connect-error.js';

/** Where and how to connect, with every `${NAME}` reference already expanded. */
export type McpConnection =
  | { readonly transport: 'stdio'; readonly command: string; readonly args: readonly string[]; readonly env: Readonly<Record<string, string>>; readonly cwd?: string }
  | { readonly transport: 'http'; readonly url: string; readonly headers: Readonly<Record<string, string>> };

/** The server as it introduced itself, and what it advertised. */
export type McpServerListing = {
  /** The server's name and version from its initialize answer, when it gave them. */
  readonly server: { readonly name?: string; readonly version?: string };
  /** Every tool, prompt and resource, and the server's instructions. */
  readonly listing: McpListing;
};

// A hostile server can page forever: stop after this many pages of one list.
const MAX_PAGES = 500;
// How much of a stdio server's standard error is kept to explain a failure.
const STDERR_TAIL = 2_000;

/**
 * Connects with the official MCP SDK (loaded here, on first use), lists every page of tools, prompts and resources the
 * server's capabilities offer, and closes the client (and so the child process). A failure is a ConfigError naming
 * the server, with a hint and no secret.
 */
export async function listMcpServer(connection: McpConnection, scope: McpFailureScope & { timeoutMs: number }): Promise<McpServerListing> {
  const { Client } = await import('@modelcontextprotocol/sdk/client/index.js');
  const { ListPromptsResultSchema, ListResourcesResultSchema, ListToolsResultSchema } = await import('@modelcontextprotocol/sdk/types.js');
  let stderr = '';
  const transport = await openTransport(connection, (chunk) => { stderr = (stderr + chunk).slice(-STDERR_TAIL); });
  const client = new Client({ name: 'redline-mcp-scan', version: redlineVersion() }, { capabilities: {} });
  const options = { timeout: scope.timeoutMs };
  const params = (cursor: string | undefined): { cursor?: string } => (cursor === undefined ? {} : { cursor });
  try {
    await client.connect(transport, options);
    const capabilities = client.getServerCapabilities() ?? {};
    // client.request, not client.listTools: a scan needs no output-schema validators compiled from a server's schemas.
    const tools = capabilities.tools === undefined ? [] : await allPages('tools/list', async (cursor) => {
      const page = await client.request({ method: 'tools/list', params: params(cursor) }, ListToolsResultSchema, options);
      return { items: page.tools.map(toolOf), next: page.nextCursor };
    });
    const prompts = capabilities.prompts === undefined ? [] : await allPages('prompts/list', async (cursor) => {
      const page = await client.request({ method: 'prompts/list', params: params(cursor) }, ListPromptsResultSchema, options);
      return { items: page.prompts.map(promptOf), next: page.nextCursor };
    });
    const resources = capabilities.resources === undefined ? [] : await allPages('resources/list', async (cursor) => {
      const page = await client.request({ method: 'resources/list', params: params(cursor) }, ListResourcesResultSchema, options);
      return { items: page.resources.map(resourceOf), next: page.nextCursor };
    });
    const version = client.getServerVersion();
    const instructions = client.getInstructions();
    return {
      server: { ...(version?.name === undefined ? {} : { name: version.name }), ...(version?.version === undefined ? {} : { version: version.version }) },
      listing: { tools, prompts, resources, ...(instructions === undefined ? {} : { instructions }) },
    };
  } catch (error) {
    throw mcpConnectError(error, { ...scope, stderr });
  } finally {
    await client.close().catch(() => undefined);
  }
}

/** The SDK's client transport for the connection; a stdio server's standard error goes to `onStderr`, never the terminal. */
async function openTransport(connection: McpConnection, onStderr: (text: string) => void): Promise<Transport> {
  if (connection.transport === 'http') {
    const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
    return new StreamableHTTPClientTransport(new URL(connection.url), { requestInit: { headers: { ...connection.headers } } });
  }
  const { StdioClientTransport } = await import('@modelcontextprotocol/sdk/client/stdio.js');
  // Piped, never inherited: a server's standard error must not reach the terminal unsanitized (or leak a secret).
  const stdio = new StdioClientTransport({ command: connection.command, args: [...connection.args], env: { ...connection.env }, stderr: 'pipe', ...(connection.cwd === undefined ? {} : { cwd: connection.cwd }) });
  stdio.stderr?.on('data', (chunk: Buffer) => onStderr(chunk.toString('utf8')));
  return stdio;
}

/** Every item over all pages of one list; a server whose cursors repeat or never end is an error. */
async function allPages<T>(method: string, page: (cursor: string | undefined) => Promise<{ items: readonly T[]; next: string | undefined }>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let cursor: string | undefined;
  for (let n = 0; n < MAX_PAGES; n += 1) {
    const { items: more, next } = await page(cursor);
    items.push(...more);
    if (next === undefined) return items;
    if (seen.has(next)) throw new Error(`${method} repeated a page cursor: its pages never end`);
    seen.add(next);
    cursor = next;
  }
  throw new Error(`${method} has more than ${MAX_PAGES} pages`);
}

/** Only the fields the audit reads and pins: a server's extra fields are not carried along. */
function toolOf(tool: McpTool): McpTool {
  return { name: tool.name, ...(tool.title === undefined ? {} : { title: tool.title }), ...(tool.description === undefined ? {} : { description: tool.description }), inputSchema: tool.inputSchema };
}

function promptOf(prompt: McpPrompt): McpPrompt {
  return {
    name: prompt.name,
    ...(prompt.title === undefined ? {} : { title: prompt.title }),
    ...(prompt.description === undefined ? {} : { description: prompt.description }),
    ...(prompt.arguments === undefined ? {} : { arguments: prompt.arguments.map((a) => ({ name: a.name, ...(a.description === undefined ? {} : { description: a.description }), ...(a.required === undefined ? {} : { required: a.required }) })) }),
  };
}

function resourceOf(resource: McpResource): McpResource {
  return {
    uri: resource.uri,
    name: resource.name,
    ...(resource.title === undefined ? {} : { title: resource.title }),
    ...(resource.description === undefined ? {} : { description: resource.description }),
    ...(resource.mimeType === undefined ? {} : { mimeType: resource.mimeType }),
  };
}
