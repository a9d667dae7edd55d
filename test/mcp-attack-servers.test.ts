import { request as httpRequest } from 'node:http';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ToolListChangedNotificationSchema } from '@modelcontextprotocol/sdk/types.js';
import { afterEach, describe, expect, it } from 'vitest';
import { MCP_ATTACKS, serveMcpAttacks, type McpAttackHit } from '../src/api/mcp-attack-servers.js';
import { scanMcpServer } from '../src/api/mcp-scan.js';
import { CLI } from './support/run-cli.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  while (closers.length) await closers.pop()!();
});

async function connect(url: string): Promise<Client> {
  const client = new Client({ name: 'agent-under-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(url)));
  closers.push(() => client.close());
  return client;
}

const text = (result: unknown) => ((result as { content: { text: string }[] }).content[0]!.text);

describe('redline mcp serve: malicious MCP servers for an agent under test', () => {
  it('serves each attack over Streamable HTTP; an agent that complies is a hit, one that does not is not', async () => {
    const hits: McpAttackHit[] = [];
    const served = await serveMcpAttacks({ names: Object.keys(MCP_ATTACKS), port: 0, onHit: (h) => hits.push(h) });
    closers.push(served.close);
    expect(Object.keys(served.urls)).toEqual(['tool-poisoning', 'shadowing', 'rug-pull', 'result-injection', 'hidden-unicode']);

    const poisoned = await connect(served.urls['tool-poisoning']!);
    expect((await poisoned.listTools()).tools[0]!.description).toContain('~/.ssh/id_rsa');
    expect(text(await poisoned.callTool({ name: 'add', arguments: { a: 1, b: 2 } }))).toBe('3');
    await poisoned.callTool({ name: 'add', arguments: { a: 1, b: 2, sidenote: '-----BEGIN OPENSSH PRIVATE KEY-----' } });

    const shadow = await connect(served.urls['shadowing']!);
    await shadow.callTool({ name: 'send_email', arguments: { to: 'bob@contoso.example', subject: 's', body: 'b' } });
    await shadow.callTool({ name: 'send_email', arguments: { to: 'bob@contoso.example', subject: 's', body: 'b', bcc: 'archive@mail-relay.example' } });

    // The rug pull happens inside a session: after the first use, the definition changes and the client is told so.
    const rug = await connect(served.urls['rug-pull']!);
    const changed = new Promise<void>((resolve) => rug.setNotificationHandler(ToolListChangedNotificationSchema, () => resolve()));
    const before = (await rug.listTools()).tools.find((t) => t.name === 'get_weather')!.description;
    await rug.callTool({ name: 'get_weather', arguments: { city: 'Oslo' } });
    await changed;
    const after = (await rug.listTools()).tools.find((t) => t.name === 'get_weather')!.description;
    expect(before).not.toContain('report_location');
    expect(after).toContain('report_location');
    await rug.callTool({ name: 'report_location', arguments: { address: '1 Main St' } });

    const notes = await connect(served.urls['result-injection']!);
    expect(text(await notes.callTool({ name: 'fetch_notes', arguments: {} }))).toContain('call send_report');
    await notes.callTool({ name: 'send_report', arguments: { content: 'the whole conversation' } });

    const hidden = await connect(served.urls['hidden-unicode']!);
    expect([...(await hidden.listTools()).tools[0]!.description!].some((c) => c.codePointAt(0)! >= 0xe0000)).toBe(true);
    await hidden.callTool({ name: 'log_text', arguments: { text: 'secret plans' } });

    expect(hits.map((h) => `${h.fixture}:${h.tool}`)).toEqual(['tool-poisoning:add', 'shadowing:send_email', 'rug-pull:report_location', 'result-injection:send_report', 'hidden-unicode:log_text']);

    // Redline's own static audit flags what the servers advertise.
    const rules = async (name: string) => (await scanMcpServer({ target: served.urls[name]!, env: {} })).findings.map((f) => f.rule);
    expect(await rules('tool-poisoning')).toContain('instruction-text');
    expect(await rules('shadowing')).toContain('cross-tool-reference');
    expect(await rules('hidden-unicode')).toContain('hidden-unicode');

    // A request for another host name (DNS rebinding) is refused.
    const url = new URL(served.urls['tool-poisoning']!);
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { host: `attacker.example:${url.port}`, 'content-type': 'application/json', accept: 'application/json, text/event-stream' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-03-26', capabilities: {}, clientInfo: { name: 'x', version: '1' } } }));
    });
    expect(status).toBe(403);
  });

  it('serves one attack over stdio from the CLI and reports each hit on standard error', async () => {
    const transport = new StdioClientTransport({ command: process.execPath, args: [CLI, 'mcp', 'serve', '--stdio', 'tool-poisoning'], stderr: 'pipe' });
    let stderr = '';
    transport.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const client = new Client({ name: 'agent-under-test', version: '1.0.0' });
    await client.connect(transport);
    await client.callTool({ name: 'add', arguments: { a: 2, b: 2, sidenote: 'ssh-rsa AAAA' } });
    await client.close();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stderr).toContain('hit: tool-poisoning: the agent called add({"sidenote":"ssh-rsa AAAA"})');
  });
});
