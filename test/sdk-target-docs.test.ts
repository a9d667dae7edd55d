import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { scan } from '../src/api/scan.js';
import type { LocalServer } from './support/local-server.js';
import { anthropicServer, bedrockServer, geminiServer, type ProtocolServer } from './support/sdk-protocol-servers.js';

const docs = readFileSync(new URL('../docs/targets-sdk.md', import.meta.url), 'utf8');

/** The redline.yaml example under a `## TYPE` heading of docs/targets-sdk.md, exactly as a user would copy it. */
function example(type: string): { target: Record<string, unknown> } & Record<string, unknown> {
  const section = docs.split(/^## /m).find((s) => s.startsWith(`${type}\n`));
  const block = section === undefined ? null : /```yaml\n([\s\S]*?)```/.exec(section);
  if (block === null) throw new Error(`docs/targets-sdk.md has no yaml example under "## ${type}"`);
  return parse(block[1]!) as never;
}

const cases: { type: string; server: ProtocolServer; secretHeader: string }[] = [
  { type: 'anthropic', server: anthropicServer, secretHeader: 'authorization' },
  { type: 'bedrock', server: bedrockServer, secretHeader: 'x-amz-security-token' },
  { type: 'gemini', server: geminiServer, secretHeader: 'x-goog-api-key' },
];

describe('the docs/targets-sdk.md examples', () => {
  let server: LocalServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  it.each(cases)('$type: the example scans a server of its protocol, with its credentials from the environment', async ({ type, server: start, secretHeader }) => {
    server = await start(() => ({ reply: "I'm sorry, but I can't help with that." }));
    const config = example(type);
    // Names the example asks the user to export, each given a value here.
    const names = Object.entries(config.target).filter(([key]) => key.endsWith('Env')).map(([, name]) => String(name));
    const env = Object.fromEntries(names.map((name) => [name, `value-of-${name}`]));
    const result = await scan({
      baseDir: mkdtempSync(join(tmpdir(), `redline-docs-${type}-`)), env, reports: { json: false, html: false },
      config: { ...config, target: { ...config.target, baseUrl: server.url }, trials: 1, select: { goalsSample: 3 } },
    });
    expect(result.summary.recorded).toBeGreaterThan(0);
    expect(result.summary.cells.reduce((n, c) => n + c.errors, 0)).toBe(0);
    const last = server.received.at(-1)!;
    expect(String(last.headers[secretHeader])).toContain('value-of-');
    expect(last.body).toContain('never reveal it');
  });
});
