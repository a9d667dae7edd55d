import type { RedlineConfig } from '../config/schema.js';
import { seededRandom } from '../core/random.js';
import type { Target } from '../core/target.js';
import type { Clock } from '../engine/clock.js';
import { createHelperModel, type HelperModel } from '../engine/helper-model.js';
import { createRateLimiter } from '../engine/rate-limiter.js';

/** A model role (judge, attacker, translator) played by a configured endpoint, asked with the run’s timeout, retries and stop signal. */
export function helperModelFor(target: Target, input: { config: RedlineConfig; clock: Clock; stop: AbortSignal; seed: number; completionTokenEstimate: number }): HelperModel {
  const { config, clock } = input;
  return createHelperModel({
    target, limiter: createRateLimiter({}, clock), clock, retry: config.retry, timeoutMs: config.timeoutMs,
    random: seededRandom(input.seed), completionTokenEstimate: input.completionTokenEstimate, stop: input.stop,
  });
}
