import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { targetOptions, targetRegistry } from '../src/targets/registry.js';

/** Every `target:` yaml example in docs/targets.md and docs/targets-sdk.md, as a user would copy it. */
function documentedTargets(): unknown[] {
  const doc = ['../docs/targets.md', '../docs/targets-sdk.md'].map((file) => readFileSync(new URL(file, import.meta.url), 'utf8')).join('\n');
  return [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)]
    .map((block) => parse(block[1]!) as { target?: unknown } | null)
    .flatMap((parsed) => (parsed?.target === undefined ? [] : [parsed.target]));
}

describe('docs/targets.md', () => {
  it('has an example for every target type, and every example is valid configuration', () => {
    const examples = documentedTargets();
    for (const example of examples) {
      const parsed = targetOptions.safeParse(example);
      expect(parsed.error?.issues ?? [], JSON.stringify(example)).toEqual([]);
    }
    const types = new Set(examples.map((example) => (example as { type: string }).type));
    expect([...targetRegistry.ids].filter((id) => !types.has(id))).toEqual([]);
  });
});
