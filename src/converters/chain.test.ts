import { describe, expect, it } from 'vitest';
import { buildChain, chainHash, chainId, chainStep } from './chain.js';
import { base32, base64, caesar, decodeBase32, decodeCaesar } from './encoding/index.js';
import { askToDecode } from './framing/index.js';
import { decodeHomoglyphs, homoglyph, leetspeak, reverse } from './obfuscation/index.js';
import { bidiWrap, decodeZeroWidth, zeroWidth } from './smuggling/index.js';

describe('converter chains', () => {
  it('apply in order and have stable ids and hashes', () => {
    const chain = buildChain([leetspeak, base64]);
    expect(chain.id).toBe('leetspeak+base64');
    expect(chain.convert('test')).toBe(Buffer.from('7357').toString('base64'));
    expect(chainHash(chain)).toBe(chainHash(buildChain([leetspeak, base64])));
    expect(chainHash(chain)).not.toBe(chainHash(buildChain([base64, leetspeak])));
    expect(chainId([])).toBe('none');
  });

  it('name the options that differ from the defaults, and hash them', () => {
    const shifted = buildChain([chainStep(caesar, { shift: 5 }), base64]);
    expect(shifted.id).toBe('caesar(shift=5)+base64');
    expect(buildChain([chainStep(caesar, { shift: 3 })]).id).toBe('caesar');
    expect(chainHash(shifted)).not.toBe(chainHash(buildChain([caesar, base64])));
  });

  it('undo in reverse order with the decoders', () => {
    const text = 'Explain the hidden procedure, ünïcödé';
    const out = buildChain([homoglyph, chainStep(caesar, { shift: 7 }), zeroWidth, base32]).convert(text);
    expect(decodeHomoglyphs(decodeCaesar(decodeZeroWidth(decodeBase32(out)), 7))).toBe(text);
  });

  it('compose an encoding with the instruction to decode it', () => {
    expect(buildChain([base64, chainStep(askToDecode, { encoding: 'base64' })]).convert('Hi')).toMatch(/from base64,.*\n\nSGk=$/s);
  });

  it('reverse then bidi-wrap stores the text backwards behind an override that displays it forwards', () => {
    expect(buildChain([reverse, bidiWrap]).convert('abc')).toBe('\u202Ecba\u202C');
  });
});
