import { defineTarget } from '../target-descriptor.js';
import { replayTargetOptions } from './options.js';
import { createReplayTarget } from './replay-target.js';

/** Answers from a recorded file of prompt → response pairs. */
export const replayTargetType = defineTarget({
  id: 'replay',
  summary: 'Answers from a recorded JSONL/CSV of prompt → response pairs; unknown prompts are errors.',
  version: 1,
  options: replayTargetOptions,
  create: createReplayTarget,
});
