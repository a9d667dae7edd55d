import { describe, expect, it } from 'vitest';
import { createLruMap } from './lru-map.js';

describe('createLruMap', () => {
  it('drops the least recently used entry past its limit', () => {
    const map = createLruMap<string, number>({ limit: 2 });
    map.set('a', 1);
    map.set('b', 2);
    expect(map.get('a')).toBe(1);
    map.set('c', 3);
    expect([map.get('a'), map.get('b'), map.get('c'), map.size]).toEqual([1, undefined, 3, 2]);
    map.clear();
    expect(map.size).toBe(0);
  });
});
