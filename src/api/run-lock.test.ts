import { describe, expect, it } from 'vitest';
import { holderIsGone, LOCK_STALE_MS } from './run-lock.js';

const holder = { pid: 4242, host: 'here', acquiredAt: 0, heartbeatAt: 10_000 };

describe('holderIsGone', () => {
  it('takes over a holder whose process no longer exists on this host, at once', () => {
    expect(holderIsGone(holder, { host: 'here', now: 10_001, exists: () => false })).toBe(true);
    expect(holderIsGone(holder, { host: 'here', now: 10_001, exists: () => true })).toBe(false);
  });

  it('takes over a holder on another host only once it has been silent past the stale limit', () => {
    expect(holderIsGone(holder, { host: 'there', now: 10_000 + LOCK_STALE_MS, exists: () => false })).toBe(false);
    expect(holderIsGone(holder, { host: 'there', now: 10_001 + LOCK_STALE_MS, exists: () => true })).toBe(true);
  });

  it('knows this very process exists', () => {
    expect(holderIsGone({ ...holder, pid: process.pid }, { host: 'here', now: 10_001 })).toBe(false);
  });
});
