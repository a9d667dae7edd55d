import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A running mock endpoint in a child process. */
export type MockTarget = {
  /** Base URL, e.g. 'http://127.0.0.1:41234'. */
  readonly url: string;
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
    close: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.disconnect();
    }),
  };
}
