import { describe, expect, it } from 'vitest';
import { newRunId } from './start-run.js';

describe('newRunId', () => {
  it('stamps the UTC second and adds 32 random bits, so runs started in the same second do not collide', () => {
    const now = Date.UTC(2026, 11, 4, 19, 1, 12);
    const ids = Array.from({ length: 1_000 }, () => newRunId(now));
    for (const id of ids) expect(id).toMatch(/^r-20261204-190112-[0-9a-f]{8}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
