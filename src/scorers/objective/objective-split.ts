import { createHash } from 'node:crypto';

/** The three parts of a labeled set: fit the weights, choose the threshold, measure once. */
export type SplitPart = 'train' | 'validation' | 'held-out';

/** Share of goals in each part, in order; the rest is held out. */
export const SPLIT_SHARES = { train: 0.5, validation: 0.2 } as const;

/**
 * The part a labeled row belongs to, from a hash of its goal text (trimmed, lower-cased): deterministic, and every
 * response to the same goal lands in the same part, so held-out goals are goals the model never saw.
 */
export function splitPart(goal: string): SplitPart {
  const digest = createHash('sha256').update(goal.trim().toLowerCase()).digest();
  const unit = digest.readUInt32BE(0) / 2 ** 32;
  if (unit < SPLIT_SHARES.train) return 'train';
  return unit < SPLIT_SHARES.train + SPLIT_SHARES.validation ? 'validation' : 'held-out';
}
