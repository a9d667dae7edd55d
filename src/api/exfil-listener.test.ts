import { describe, expect, it } from 'vitest';
import { exfilToken } from '../core/exfil.js';
import { runTokens, startExfilListener } from './exfil-listener.js';

describe('startExfilListener', () => {
  it('answers an image with a pixel and anything else with ok, attributing only this run’s tokens', async () => {
    const hits: number[] = [];
    const listener = await startExfilListener({ attribute: runTokens('r-1'), onHit: (_, attempt) => hits.push(attempt.seq) });
    try {
      const image = await fetch(`${listener.baseUrl}/i/${exfilToken({ runId: 'r-1', seq: 7 })}.png`);
      expect(image.headers.get('content-type')).toBe('image/png');
      expect((await image.arrayBuffer()).byteLength).toBeGreaterThan(40);
      expect(await (await fetch(`${listener.baseUrl}/c/${exfilToken({ runId: 'r-2', seq: 7 })}`)).text()).toBe('ok\n');
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(hits).toEqual([7]);
      expect(listener.counts()).toEqual({ attributed: 1, unattributed: 1, pages: 0 });
      expect(listener.unattributed()[0]!.path).toMatch(/^\/c\/rl-/);
    } finally {
      await listener.close();
    }
  });

  it('says which port is taken and how to fix it', async () => {
    const first = await startExfilListener({ attribute: runTokens('r-1'), onHit: () => undefined });
    try {
      const port = Number(new URL(first.baseUrl).port);
      await expect(startExfilListener({ port, attribute: runTokens('r-1'), onHit: () => undefined })).rejects.toThrow(/cannot listen on 127\.0\.0\.1:\d+: EADDRINUSE/);
    } finally {
      await first.close();
    }
  });
});
