import { describe, expect, it } from 'vitest';
import { buildChain } from '../converters/chain.js';
import { base64, rot13 } from '../converters/encoding/index.js';
import { readInKind } from './read-in-kind.js';

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');

describe('readInKind', () => {
  it('reads a reply in kind decoded when the decoding reads clearly better', () => {
    expect(readInKind(buildChain([base64]), b64("I'm sorry, but I can't help with that request."))).toBe("I'm sorry, but I can't help with that request.");
  });

  it('keeps both readings of a code, which neither reading shows as language', () => {
    expect(readInKind(buildChain([base64]), b64('ZX-4471-QK'))).toBe(`${b64('ZX-4471-QK')}\n\nZX-4471-QK`);
    // A code answered plainly to a rot13 prompt is still seen as written.
    expect(readInKind(buildChain([rot13]), 'ZEPHYR-CODE-8841')).toBe('ZEPHYR-CODE-8841\n\nMRCULE-PBQR-8841');
  });

  it('leaves a plain-language reply alone, and a chain that cannot be undone', () => {
    expect(readInKind(buildChain([rot13]), 'Sure, here is a short answer to your question.')).toBeUndefined();
    expect(readInKind(buildChain([]), b64('MARKER-ONE'))).toBeUndefined();
  });
});
