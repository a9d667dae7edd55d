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
  const types = await import('@modelcontextprotocol/sdk/types.js');
  let stderr = '';
  let transport;
  if (connection.transport === 'stdio') {
    const { StdioClientTransport } = await import('@modelcontextprotocol/sdk/client/stdio.js');
    // Piped, never inherited: a server's standard error must not reach the terminal unsanitized (or leak a secret).
    const stdio = new StdioClientTransport({ command: connection.command, args: [...connection.args], env: { ...connection.env }, stderr: 'pipe', ...(connection.cwd === undefined ? {} : { cwd: connection.cwd }) });
    stdio.stderr?.on('data', (chunk: Buffer) => { stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_TAIL); });
    transport = stdio;
  } else {
    const { StreamableHTTPClientTransport } = await import('@modelcontextprotocol/sdk/client/streamableHttp.js');
    transport = new StreamableHTTPClientTransport(new URL(connection.url), { requestInit: { headers: { ...connection.headers } } });
  }
  const client = new Client({ name: 'redline-mcp-scan', version: redlineVersion() }, { capabilities: {} });
  const options = { timeout: scope.timeoutMs };
  try {
    await client.connect(transport, options);
    const capabilities = client.getServerCapabilities() ?? {};
    // client.request, not client.listTools: a scan needs no output-schema validators compiled from a server's schemas.
    const pages = async <T>(method: string, schema: Parameters<typeof client.request>[1], pick: (page: Record<string, unknown>) => readonly T[]): Promise<T[]> => {
      const items: T[] = [];
      const seen = new Set<string>();
      let cursor: string | undefined;
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const result = (await client.request({ method, params: cursor === undefined ? {} : { cursor } } as never, schema, options)) as Record<string, unknown>;
        items.push(...pick(result));
        cursor = typeof result['nextCursor'] === 'string' ? result['nextCursor'] : undefined;
        if (cursor === undefined) return items;
        if (seen.has(cursor)) throw new Error(`${method} repeated a page cursor: its pages never end`);
        seen.add(cursor);
      }
      throw new Error(`${method} has more than ${MAX_PAGES} pages`);
    };
    const tools = capabilities.tools === undefined ? [] : await pages('tools/list', types.ListToolsResultSchema, (p) => (p['tools'] as McpTool[]).map(toolOf));
    const prompts = capabilities.prompts === undefined ? [] : await pages('prompts/list', types.ListPromptsResultSchema, (p) => (p['prompts'] as McpPrompt[]).map(promptOf));
    const resources = capabilities.resources === undefined ? [] : await pages('resources/list', types.ListResourcesResultSchema, (p) => (p['resources'] as McpResource[]).map(resourceOf));
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
