import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A running mock endpoint in a child process. */
export type MockTarget = {
  /** Base URL, e.g. 'http://127.0.0.1:41234'. */
  readonly url: string;
  /** Requests served so far, and when the first one arrived (ms since the epoch); undefined before any. */
  served(): Promise<{ served: number; firstRequestAt: number | undefined }>;
  /** Stops the child process. */
  close(): Promise<void>;
};

/** Starts the mock OpenAI-compatible endpoint with a latency and ± jitter in milliseconds. */
export async function startMock(options: { latencyMs: number; jitterMs: number }): Promise<MockTarget> {
  const script = fileURLToPath(new URL('./mock-server.js', import.meta.url));
  const child = fork(script, [String(options.latencyMs), String(options.jitterMs)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`mock server exited with code ${code}`)));
    child.once('message', (message) => resolve((message as { port: number }).port));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    served: () => new Promise((resolve) => {
      const onMessage = (message: unknown): void => {
        const reply = message as { served?: number; firstRequestAt?: number };
        if (typeof reply.served !== 'number') return;
        child.off('message', onMessage);
        resolve({ served: reply.served, firstRequestAt: reply.firstRequestAt });
      };
      child.on('message', onMessage);
      child.send('cpu');
    }),
    close: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.disconnect();
    }),
  };
}
