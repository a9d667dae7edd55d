import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';

/** The stdio fixture script: `node STDIO_FIXTURE NAME` runs the named fixture server (test/fixtures/mcp/fixture-servers.mjs). */
export const STDIO_FIXTURE = fileURLToPath(new URL('../fixtures/mcp/stdio-server.mjs', import.meta.url));

/** A Streamable HTTP MCP endpoint on 127.0.0.1 for tests. */
export type McpHttpServer = {
  /** The endpoint, e.g. 'http://127.0.0.1:41234/mcp'. */
  readonly url: string;
  /** Headers of every request received, oldest first. */
  readonly received: IncomingMessage['headers'][];
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
};

/**
 * Serves MCP over Streamable HTTP with the official SDK's server transport, stateless: each POST gets a fresh server
 * from `create`. With `token`, a request without `Authorization: Bearer TOKEN` is answered 401.
 */
export async function startMcpHttpServer(options: { create: (request: IncomingMessage) => McpServer; token?: string }): Promise<McpHttpServer> {
  const received: IncomingMessage['headers'][] = [];
  const http = createServer((request, response) => {
    received.push(request.headers);
    if (options.token !== undefined && request.headers.authorization !== `Bearer ${options.token}`) {
      response.writeHead(401, { 'content-type': 'text/plain' }).end('unauthorized');
      return;
    }
    if (request.method !== 'POST' || !request.url?.startsWith('/mcp')) {
      response.writeHead(request.method === 'POST' ? 404 : 405).end();
      return;
    }
    const server = options.create(request);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined });
    response.on('close', () => {
      void transport.close();
      void server.close();
    });
    void server.connect(transport).then(() => transport.handleRequest(request, response)).catch(() => {
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    received,
    close: () => new Promise<void>((resolve) => {
      http.closeAllConnections();
      http.close(() => resolve());
    }),
  };
}

/** A port on 127.0.0.1 nothing listens on (it was free a moment ago). */
export async function closedPort(): Promise<number> {
  const http = createServer();
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  await new Promise<void>((resolve) => http.close(() => resolve()));
  return port;
}
