import type { RedlineConfig } from '../config/schema.js';
import { contentHash } from '../core/hash.js';
import type { Target } from '../core/target.js';
import type { Clock } from '../engine/clock.js';
import type { HelperModel } from '../engine/helper-model.js';
import { helperModelFor } from './helper-model-for.js';

/** Seed of the judge's retry jitter ('judge' in ASCII), fixed so a judge's retries are reproducible. */
const JUDGE_SEED = 0x6a75646765;
/** Completion tokens a judge's answer is budgeted at before it replies: a short JSON object with a reason. */
const JUDGE_COMPLETION_TOKENS = 512;

/**
 * The judge model (`models.judge`) played by its target, asked with the configuration's timeout and retries. Its id
 * reaches judge scorers' hashes, so it covers the judge's whole configuration (model, temperature…), not only its URL.
 */
export function judgeModelFor(target: Target, input: { config: RedlineConfig; clock: Clock; stop: AbortSignal }): HelperModel {
  const model = helperModelFor(target, { ...input, seed: JUDGE_SEED, completionTokenEstimate: JUDGE_COMPLETION_TOKENS });
  return { ...model, id: `${model.id}#${contentHash(input.config.models.judge)}` };
}
