import { describe, expect, it } from 'vitest';
import type { ConverterDescriptor } from '../core/converter.js';
import { buildChain } from './chain.js';
import { decodeBase64Reply } from './encoding/base64.js';
import { converterRegistry } from './registry.js';

const TEXT = 'i am sorry, but i cannot help with that request.';

describe('reading replies written in kind', () => {
  const reversible = converterRegistry.all.filter((d: ConverterDescriptor) => d.reversible === true);

  it('every reversible converter undoes itself on a plain sentence', () => {
    expect(reversible.map((d) => d.id).sort()).toEqual(expect.arrayContaining(['atbash', 'base32', 'base64', 'binary', 'caesar', 'hex', 'leetspeak', 'morse', 'reverse', 'rot13']));
    for (const descriptor of reversible) {
      const converter = descriptor.create(descriptor.defaults ?? {});
      expect(converter.decode!(converter.convert(TEXT)).toLowerCase(), descriptor.id).toBe(TEXT);
    }
  });

  it('a chain undoes its reversible steps last first, passing over framings', () => {
    const byId = (id: string) => converterRegistry.all.find((d: ConverterDescriptor) => d.id === id)!;
    const chain = buildChain([byId('leetspeak'), byId('base64'), byId('ask-to-decode')]);
    expect(chain.reversible).toBe(true);
    expect(chain.decode(buildChain([byId('leetspeak'), byId('base64')]).convert(TEXT))).toBe(TEXT);
    expect(buildChain([byId('ask-to-decode')]).reversible).toBe(false);
  });

  it('reads base64 blobs inside prose, and unpadded base64', () => {
    const blob = Buffer.from("I'm sorry, but I can't help with that.").toString('base64');
    expect(decodeBase64Reply(`Here is my answer: ${blob} Thanks.`)).toBe("Here is my answer: I'm sorry, but I can't help with that. Thanks.");
    expect(decodeBase64Reply(blob.replace(/=+$/, ''))).toBe("I'm sorry, but I can't help with that.");
    expect(decodeBase64Reply('Plain English reply without any encoding at all.')).toBe('Plain English reply without any encoding at all.');
  });
});
