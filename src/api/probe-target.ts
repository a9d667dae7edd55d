import type { RedlineConfig } from '../config/schema.js';
import { TargetError } from '../core/errors.js';
import { seededRandom } from '../core/random.js';
import type { Target } from '../core/target.js';
import type { Clock } from '../engine/clock.js';
import { createRateLimiter } from '../engine/rate-limiter.js';
import { sendWithRetry } from '../engine/send-with-retry.js';

/** What the probe sends: a greeting any chat application answers, and no attack. */
export const PROBE_PROMPT = 'Hello';

/**
 * Sends one short request to a network target before anything is stored, with the run's timeout and retries: a
 * target that cannot answer (refused connection, 401, 404, a wrong model name) fails the scan here, with the cause,
 * instead of producing a run of errors or — worse — a rate. Targets that are not on a network are not probed.
 */
export async function probeTarget(target: Target, input: { config: RedlineConfig; clock: Clock; stop: AbortSignal }): Promise<void> {
  const { config, clock } = input;
  if (!config.preflight.probe || target.capabilities.network !== true) return;
  const result = await sendWithRetry(
    { messages: [{ role: 'user', content: PROBE_PROMPT }], seed: 0 },
    {
      target, limiter: createRateLimiter(config.rateLimit, clock), clock, retry: config.retry, timeoutMs: config.timeoutMs,
      random: seededRandom(0x70726f62), completionTokenEstimate: 16, stop: input.stop,
    },
  );
  if (result.ok || 'stopped' in result) return;
  const { error } = result;
  throw new TargetError(`target ${target.id} could not be used: the probe before the run failed after ${result.retries + 1} ${result.retries === 0 ? 'try' : 'tries'} (${error.kind}): ${error.message}`, {
    targetId: target.id, kind: error.kind, retryable: false, ...(error.status === undefined ? {} : { status: error.status }),
    hint: hintFor(error.kind),
  });
}

/** What to check for a failure kind. */
function hintFor(kind: string): string {
  if (kind === 'http-401' || kind === 'http-403') return 'check the API key (apiKeyEnv / headers) and that it may use this endpoint; or run with --no-probe to record the errors anyway';
  if (kind === 'http-404') return 'check the base URL and the model name (an OpenAI-compatible URL usually ends in /v1)';
  if (kind === 'network' || kind === 'timeout') return 'check that the target is running and reachable from here (URL, port, proxy), or raise timeoutMs';
  return 'check the target configuration; `--no-probe` skips this check, and the error budget then stops a run that keeps failing';
}
