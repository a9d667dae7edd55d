import { spawn } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { redisUrl, uniqueName } from './support/services.js';

// The built limiter (npm test builds it first), run by separate Node processes as distributed workers would.
const QUEUE = pathToFileURL(fileURLToPath(new URL('../dist/queue/index.js', import.meta.url))).href;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** A worker process: from `startAt`, three attempts acquire until `stopAt`; prints the Redis times it was admitted. */
const WORKER = `
import { Redis } from 'ioredis';
import { createRedisRateLimiter } from ${JSON.stringify(QUEUE)};
const [url, key, perSecond, startAt, stopAt] = process.argv.slice(1);
const redis = new Redis(url);
const admitted = [];
const limiter = createRedisRateLimiter({ redis, key, limits: { requestsPerSecond: Number(perSecond) }, onAdmit: (at) => admitted.push(at) });
const signal = new AbortController().signal;
await new Promise((resolve) => setTimeout(resolve, Number(startAt) - Date.now()));
await Promise.all([1, 2, 3].map(async () => { while (Date.now() < Number(stopAt)) await limiter.acquire(0, signal); }));
await redis.quit();
process.stdout.write(JSON.stringify(admitted));
`;

function worker(args: readonly string[]): Promise<number[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', WORKER, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(stdout) as number[]) : reject(new Error(`worker exited ${code}: ${stderr}`))));
  });
}

describe('the shared rate limiter across processes', () => {
  it('admits at most N requests in any one second among three worker processes, and close to N a second', async (ctx) => {
    const url = redisUrl(ctx);
    if (!url) return;
    const perSecond = 15;
    const key = uniqueName('redline:test:limit');
    // Start together once every process is up, even on a slow machine.
    const startAt = Date.now() + 2_000;
    const args = [url, key, String(perSecond), String(startAt), String(startAt + 3_300)];
    const byWorker = await Promise.all([worker(args), worker(args), worker(args)]);
    const admitted = byWorker.flat().sort((a, b) => a - b);
    for (const times of byWorker) expect(times.length).toBeGreaterThan(0);
    for (let i = 0; i < admitted.length; i += 1) {
      expect(admitted.filter((t) => t >= admitted[i]! && t < admitted[i]! + 1_000).length).toBeLessThanOrEqual(perSecond);
    }
    // A burst of N, then N more as each admission leaves the (1 s + margin) window: 3 N in the first three seconds.
    expect(admitted.filter((t) => t < admitted[0]! + 3_000).length).toBeGreaterThanOrEqual(0.9 * 3 * perSecond);
  });
});
