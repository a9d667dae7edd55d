import { z } from 'zod';

/** Option schema of a tensor input: its shape without the batch dimension, and its valid value range. */
export const tensorSpecOption = z
  .object({
    shape: z.array(z.number().int().positive()).min(1).readonly().describe('Shape without the batch dimension, e.g. [784] or [1, 28, 28]'),
    min: z.number().describe('Smallest valid feature value (attacks clip to it)'),
    max: z.number().describe('Largest valid feature value'),
    image: z
      .object({ height: z.number().int().positive(), width: z.number().int().positive(), channels: z.number().int().positive() })
      .strict()
      .optional()
      .describe('For images: how the flattened features lay out (row-major, channels last), so square-shaped attacks can perturb patches'),
  })
  .strict()
  .refine((spec) => spec.min < spec.max, { message: 'min must be below max', path: ['max'] })
  .refine((spec) => spec.image === undefined || spec.image.height * spec.image.width * spec.image.channels === spec.shape.reduce((a, b) => a * b, 1), {
    message: 'image height × width × channels must equal the number of features', path: ['image'],
  });

/** Option schema of a classifier's class names, in the order its outputs use. */
export const labelsOption = z
  .array(z.string().min(1))
  .min(2)
  .refine((labels) => new Set(labels).size === labels.length, { message: 'class names must be unique' })
  .readonly()
  .describe('Class names, in the order the classifier outputs them');

/** Option schema of what a classifier reveals: its class scores, or only the winning label. */
export const accessOption = z.enum(['label', 'scores']).describe("'scores': class probabilities too; 'label': the winning class only");

/** Option schema of what a classifier takes as input. */
export const modalityOption = z.enum(['tabular', 'image', 'text']);

/** Option schema of a classifier target's stored id. */
export const classifierIdOption = z.string().min(1).describe('Target id stored with attempts');
