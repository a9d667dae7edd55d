import { z } from 'zod';

/** Options of a target that answers from a recorded file of prompt → response pairs. */
export const replayTargetOptions = z
  .object({
    type: z.literal('replay'),
    file: z.string().min(1),
    promptField: z.string().min(1).default('prompt'),
    responseField: z.string().min(1).default('response'),
    id: z.string().min(1).optional(),
  })
  .strict();

/** Parsed options of the replay target. */
export type ReplayTargetOptions = z.infer<typeof replayTargetOptions>;

/** Options of the replay target as written in a config file, before defaults are filled in. */
export type ReplayTargetInput = z.input<typeof replayTargetOptions>;
