import { z } from 'zod';

const counted = z.object({ successes: z.number().int().min(0), n: z.number().int().min(1) }).passthrough();

/** A saved calibration (what `redline calibrate --save` writes), as the configuration and the run store it. */
export const savedCalibrationSchema = z
  .object({
    format: z.literal(1),
    scorer: z.object({ id: z.string() }).passthrough(),
    scorerVersion: z.number().int(),
    judge: z.string().optional(),
    target: z.object({ id: z.enum(['objective', 'refusal']), positive: z.string() }),
    input: z.string(),
    sensitivity: counted,
    specificity: counted,
  })
  .passthrough();

/** A saved calibration. */
export type SavedCalibrationRecord = z.output<typeof savedCalibrationSchema>;

/** `scoring.calibration`: the file `redline calibrate --save` wrote, or its content (how a run stores it). */
export const calibrationSource = z
  .union([z.string().min(1), savedCalibrationSchema])
  .describe('Measured sensitivity/specificity of the deciding scorer: summaries add scorer-corrected rates');
