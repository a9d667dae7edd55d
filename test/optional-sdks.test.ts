import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const optional = Object.keys((JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { optionalDependencies: Record<string, string> }).optionalDependencies);

function shippedSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return shippedSources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('optional provider SDKs', () => {
  it('are the three the SDK targets use', () => {
    expect(optional.sort()).toEqual(['@anthropic-ai/sdk', '@aws-sdk/client-bedrock-runtime', '@google/genai']);
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
