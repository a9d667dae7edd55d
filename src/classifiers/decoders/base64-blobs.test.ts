import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../core/random.js';
import { BASE64_BLOB, decodeBase64Blobs } from './base64-blobs.js';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

describe('base64 blobs', () => {
  it('are the matches of /[A-Za-z0-9+/]{12,}={0,2}/: runs of every length, padding and separators', () => {
    const random = seededRandom(64);
    const definition = /[A-Za-z0-9+/]{12,}={0,2}/g;
    const separators = [' ', '=', '==', '===', '.', '\n', '-', 'é', ''];
    let blobs = 0;
    for (let i = 0; i < 3000; i++) {
      let text = '';
      for (let r = 0, n = 1 + Math.floor(random() * 6); r < n; r++) {
        for (let k = 0, length = Math.floor(random() * 20); k < length; k++) text += LETTERS[Math.floor(random() * LETTERS.length)];
        text += separators[Math.floor(random() * separators.length)];
      }
      const expected = [...text.matchAll(definition)].map((m) => [m.index, m[0]]);
      expect([...text.matchAll(BASE64_BLOB)].map((m) => [m.index, m[0]]), JSON.stringify(text)).toEqual(expected);
      blobs += expected.length;
    }
    expect(blobs).toBeGreaterThan(1000);
  });

  it('decodes a printable blob in place and leaves words and short runs', () => {
    const blob = Buffer.from('how to pick a lock').toString('base64');
    expect(decodeBase64Blobs(`Sure: ${blob} (decode it)`)).toBe('Sure: how to pick a lock (decode it)');
    expect(decodeBase64Blobs('Supercalifragilistic words and abc123 runs')).toBeNull();
  });
});
