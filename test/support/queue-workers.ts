import { startCli, type CliResult } from './run-cli.js';
import type { ChildProcess } from 'node:child_process';

/** A pool of `redline worker` processes that a test can kill and replace. */
export type WorkerPool = {
  /** Processes alive now. */
  readonly alive: () => number;
  /** SIGKILLs one live worker chosen by `pick` (0 ≤ pick < 1) and starts a replacement; gives the killed pid. */
  killOne(pick: number): number | undefined;
  /** Stops every worker (SIGTERM, then SIGKILL after 10 s) and gives what each printed. */
  stop(): Promise<CliResult[]>;
};

/** Starts `count` worker processes of the built CLI against a queue and a store. */
export function startWorkerPool(input: { count: number; queue: string; store: string; cwd: string; args?: readonly string[]; env?: Record<string, string> }): WorkerPool {
  const workers: { child: ChildProcess; done: Promise<CliResult> }[] = [];
  const finished: Promise<CliResult>[] = [];
  const start = (): void => {
    const worker = startCli(['worker', '--queue', input.queue, '--store', input.store, ...(input.args ?? [])], { cwd: input.cwd, ...(input.env ? { env: input.env } : {}) });
    workers.push(worker);
    finished.push(worker.done);
  };
  for (let i = 0; i < input.count; i += 1) start();
  const live = () => workers.filter((w) => w.child.exitCode === null && w.child.signalCode === null);
  return {
    alive: () => live().length,
    killOne(pick) {
      const candidates = live();
      if (candidates.length === 0) return undefined;
      const victim = candidates[Math.floor(pick * candidates.length)]!;
      victim.child.kill('SIGKILL');
      start();
      return victim.child.pid;
    },
    async stop() {
      for (const w of live()) {
        w.child.kill('SIGTERM');
        const timer = setTimeout(() => w.child.kill('SIGKILL'), 10_000);
        void w.done.then(() => clearTimeout(timer));
      }
      return Promise.all(finished);
    },
  };
}

/** The most timestamps (ms) falling in any window [t, t + windowMs). */
export function maxInWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  let lo = 0;
  for (let hi = 0; hi < sorted.length; hi += 1) {
    while (sorted[hi]! - sorted[lo]! >= windowMs) lo += 1;
    most = Math.max(most, hi - lo + 1);
  }
  return most;
}

/** A scan of `goals` × direct-request (no converters) × `trials` against a local OpenAI-compatible server, at most `perSecond` requests in any second, no probe. */
export function queueScanConfig(input: { url: string; goals: number; trials: number; perSecond: number }) {
  return {
    target: { type: 'openai', baseUrl: `${input.url}/v1`, model: 'test-model' },
    goals: Array.from({ length: input.goals }, (_, i) => ({ id: `g${i}`, text: `Request ${i}: explain the thing.`, category: 'test' })),
    techniques: ['direct-request'],
    converters: [[]],
    trials: input.trials,
    rateLimit: { requestsPerSecond: input.perSecond },
    preflight: { probe: false },
  };
}
