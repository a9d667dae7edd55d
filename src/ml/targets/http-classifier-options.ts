import { z } from 'zod';
import { headerTemplatesOption } from '../../targets/header-templates.js';
import { accessOption, classifierIdOption, labelsOption, modalityOption, tensorSpecOption } from './classifier-options.js';

/** The body placeholder for one input, and the one for the batch of them. */
export const INPUT_SLOTS = { one: '{{input}}', batch: '{{inputs}}' } as const;

/** Options of a classifier behind a JSON HTTP endpoint (a model server, a scoring API, a vendor's fraud model). */
export const httpClassifierOptions = z
  .object({
    type: z.literal('http-classifier'),
    url: z.string().min(1).describe('Endpoint URL; may reference ${ENV_NAME}'),
    method: z.enum(['POST', 'PUT']).optional().describe('(default POST) HTTP method'),
    headers: headerTemplatesOption.optional(),
    body: z
      .json()
      .optional()
      .describe('JSON body template: the value "{{input}}" becomes the input (an array of numbers, or a text), "{{inputs}}" the batch of them (default {"input": "{{input}}"}, batched {"inputs": "{{inputs}}"})'),
    batchSize: z.number().int().min(1).max(10_000).optional().describe('(default 1) Inputs per request; above 1 the body needs "{{inputs}}"'),
    labelPath: z
      .string()
      .min(1)
      .optional()
      .describe("Where the label (a class name or index) is, e.g. $.label (the default); batched, [*] marks the list, e.g. $.predictions[*].label (the batched default)"),
    probabilitiesPath: z
      .string()
      .min(1)
      .optional()
      .describe('Where the class probabilities are (an array in label order, or an object by class name), e.g. $.probabilities or $.predictions[*].scores'),
    labels: labelsOption,
    input: tensorSpecOption.optional().describe('The tensor input of a tabular or image classifier; absent for text'),
    modality: modalityOption.optional().describe('(default: image for a shape of two or more dimensions, tabular for one, text without input)'),
    access: accessOption.optional().describe('(default scores when probabilitiesPath is given, else label)'),
    timeoutMs: z.number().int().positive().optional().describe('(default 30000) Most time one request may take, ms'),
    id: classifierIdOption.optional().describe('Target id stored with attempts (default http-classifier:HOST/PATH)'),
  })
  .strict()
  .superRefine((options, issues) => {
    const add = (path: string, message: string): void => void issues.addIssue({ code: 'custom', path: [path], message });
    if (options.access === 'scores' && options.probabilitiesPath === undefined) add('probabilitiesPath', "access 'scores' needs probabilitiesPath: where the reply holds the class probabilities");
    if (options.modality === 'text' && options.input !== undefined) add('input', 'a text classifier takes no tensor input: drop input or set modality');
    if (options.modality !== 'text' && options.modality !== undefined && options.input === undefined) add('input', `a ${options.modality} classifier needs input: {shape, min, max}`);
    const body = JSON.stringify(options.body ?? null);
    const batched = (options.batchSize ?? 1) > 1;
    if (options.body !== undefined && !body.includes(`"${INPUT_SLOTS.one}"`) && !body.includes(`"${INPUT_SLOTS.batch}"`)) {
      add('body', `the body template holds neither "${INPUT_SLOTS.one}" nor "${INPUT_SLOTS.batch}" as a value, so no input would reach the classifier`);
    } else if (batched && body.includes(`"${INPUT_SLOTS.one}"`)) {
      add('body', `a batch of inputs goes in "${INPUT_SLOTS.batch}"; "${INPUT_SLOTS.one}" holds one input (batchSize 1)`);
    } else if (batched && options.body !== undefined && !body.includes(`"${INPUT_SLOTS.batch}"`)) {
      add('body', `batchSize above 1 needs "${INPUT_SLOTS.batch}" in the body template`);
    }
  });

/** Parsed options of an HTTP classifier. */
export type HttpClassifierOptions = z.output<typeof httpClassifierOptions>;

/** Options of an HTTP classifier as written, before validation. */
export type HttpClassifierInput = z.input<typeof httpClassifierOptions>;
