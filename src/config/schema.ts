import { z } from 'zod';
import { converterRegistry } from '../converters/registry.js';
import { builtinGoalSets } from '../datasets/builtin-goal-sets.js';
import { techniqueRegistry } from '../techniques/registry.js';
import { targetOptions } from '../targets/registry.js';
import { componentEntry } from './component-entry.js';

/** A converter step: an id, or `{ id, ...options }`. */
const converterEntry = componentEntry('converter', converterRegistry);
/** A technique: an id, or `{ id, ...options }`. */
const techniqueEntry = componentEntry('technique', techniqueRegistry);

const inlineGoal = z.strictObject({
  id: z.string().min(1).describe('Stable id, unique in the scan'),
  text: z.string().min(1).describe('The request, as a user would make it'),
  category: z.string().min(1).default('custom'),
  persona: z.enum(['malicious', 'benign']).default('malicious'),
  scorer: z.string().optional().describe('Scorer id that decides this goal (default: refusal)'),
});

const goalSource = z.union([
  z.strictObject({ builtin: z.enum(Object.keys(builtinGoalSets) as [string, ...string[]]).describe('A goal set shipped with Redline') }),
  z.strictObject({ file: z.string().min(1).describe('JSONL file of goals: {"id","text","category","persona"} per line') }),
  inlineGoal,
]);

const scorerSpec = z.union([
  z.enum(['refusal', 'canary']),
  z.strictObject({ id: z.literal('refusal') }),
  z.strictObject({ id: z.literal('canary'), canaries: z.array(z.string().min(4)).optional() }),
  z.strictObject({
    id: z.literal('regex'),
    name: z.string().regex(/^[a-z0-9-]+$/).optional().describe('Distinguishes several regex scorers: id becomes regex:NAME'),
    pattern: z.string().min(1),
    flags: z.string().regex(/^[imsu]*$/).optional(),
    onMatch: z.enum(['success', 'failure']).optional(),
  }),
]);

/** The redline.yaml schema; every field has a default, so an empty file is a valid demo scan. */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  target: targetOptions.prefault({ type: 'demo' }).describe('The AI system under test'),
  goals: z.array(goalSource).min(1).default([{ builtin: 'starter' }]).describe('Where the goals come from'),
  techniques: z
    .array(techniqueEntry)
    .min(1)
    .default(['direct-request', 'instruction-override', 'role-play', 'system-prompt-extraction'])
    .describe('Techniques to frame each goal with'),
  converters: z
    .array(z.array(converterEntry))
    .min(1)
    .default([[], ['base64']])
    .describe('Converter chains, each applied to the final user turn; [] sends it unchanged'),
  trials: z.number().int().min(1).max(100_000).default(5).describe('Trials per goal × technique × chain'),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional().describe('Seed for per-attempt randomness; a new one per run when absent'),
  concurrency: z.number().int().min(1).max(4096).default(8).describe('Attempts in flight at once'),
  timeoutMs: z.number().int().min(1).default(60_000).describe('Per-request timeout'),
  retry: z
    .strictObject({
      maxRetries: z.number().int().min(0).max(20).default(4),
      baseDelayMs: z.number().int().min(0).default(500),
      maxDelayMs: z.number().int().min(0).default(30_000),
      maxRetryAfterMs: z.number().int().min(0).default(120_000),
    })
    .prefault({}),
  rateLimit: z
    .strictObject({
      requestsPerMinute: z.number().positive().optional(),
      tokensPerMinute: z.number().positive().optional(),
    })
    .prefault({}),
  scoring: z
    .strictObject({
      scorers: z.array(scorerSpec).min(1).default(['refusal', 'canary']).describe('Scorers run on every reply'),
      decide: z.string().optional().describe('Scorer id that decides every goal, overriding each goal’s own'),
    })
    .prefault({}),
  output: z
    .strictObject({
      dir: z.string().default('.redline').describe('Folder for the database and reports'),
      database: z.string().optional().describe('Database file (default: DIR/redline.db)'),
    })
    .prefault({}),
});

/** A parsed, defaulted configuration. */
export type RedlineConfig = z.output<typeof configSchema>;
/** A configuration as written (every field optional). */
export type RedlineConfigInput = z.input<typeof configSchema>;
/** One scorer entry of the configuration. */
export type ScorerSpec = z.output<typeof scorerSpec>;
/** One goal source of the configuration. */
export type GoalSource = z.output<typeof goalSource>;

/** The configuration schema as JSON Schema (draft 2020-12), for editors. */
export function configJsonSchema(): unknown {
  return z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any' });
}
