import { z } from 'zod';
import { accessOption, classifierIdOption, labelsOption, tensorSpecOption } from './classifier-options.js';

/** Options of a classifier exported to ONNX and run in this process by onnxruntime-node. */
export const onnxClassifierOptions = z
  .object({
    type: z.literal('onnx'),
    path: z.string().min(1).describe('The .onnx file, relative to the configuration file\'s folder'),
    labels: labelsOption,
    input: tensorSpecOption,
    inputName: z.string().min(1).optional().describe("The model input fed (default: the model's first input)"),
    outputName: z.string().min(1).optional().describe("The model output read (default: the model's first output)"),
    output: z
      .enum(['probabilities', 'logits', 'label'])
      .optional()
      .describe("(default probabilities) What the output holds: class probabilities, logits (softmax is applied), or the label index or name"),
    access: accessOption.optional().describe("(default scores, or label when output is 'label') What attacks may see"),
    modality: z.enum(['tabular', 'image']).optional().describe('(default image for a shape of two or more dimensions, else tabular)'),
    id: classifierIdOption.optional().describe('Target id stored with attempts (default onnx:FILE_NAME)'),
  })
  .strict()
  .superRefine((options, issues) => {
    if (options.output === 'label' && options.access === 'scores') {
      issues.addIssue({ code: 'custom', path: ['access'], message: "an output that holds only the label cannot give scores: use access 'label'" });
    }
  });

/** Parsed options of an ONNX classifier. */
export type OnnxClassifierOptions = z.output<typeof onnxClassifierOptions>;

/** Options of an ONNX classifier as written, before validation. */
export type OnnxClassifierInput = z.input<typeof onnxClassifierOptions>;
