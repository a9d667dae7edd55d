import { z } from 'zod';
import { builtinGoalSets } from '../datasets/builtin-goal-sets.js';
import { datasetRegistry } from '../datasets/dataset-registry.js';
import { optionsUnion } from '../core/registry.js';
import { targetOptions } from '../targets/registry.js';
import { layerRegistry } from '../layers/registry.js';
import { scorerOptions, scorerOptionsFor } from '../scorers/scorer-options.js';
import { builtinComponents, type Components } from './components.js';
import { componentEntry, strictComponentEntries } from './component-entry.js';
import { MODEL_ROLES } from './model-roles.js';
import { agentSuites } from '../agents/suites/index.js';
import { calibrationSource } from './calibration-source.js';
import { severityRules } from '../taxonomy/severity-rules.js';
import { gateSettings } from '../taxonomy/gate-settings.js';

const inlineGoal = z.strictObject({
  id: z.string().min(1).describe('Stable id, unique in the scan'),
  text: z.string().min(1).describe('The request, as a user would make it'),
  category: z.string().min(1).default('custom'),
  persona: z.enum(['malicious', 'benign']).default('malicious'),
  scorer: z.string().optional().describe('Scorer id that decides this goal (default: refusal)'),
  successPattern: z.string().optional().describe('Regular expression whose match in the reply is the evidence of success (goal-pattern scorer)'),
  metadata: z.record(z.string(), z.string()).optional().describe('Extra fields techniques and scorers may read, e.g. context'),
});

const datasetIds = [...datasetRegistry.ids];

/**
 * A dataset id. Not a z.enum: with `file:` beside it, an unknown id would leave the `{ file }` goal source as
 * the union's only near match, and the user would read "unknown key 'dataset'" instead of the closest id.
 */
const datasetId = z
  .string()
  .superRefine((value, ctx) => {
    if (!datasetIds.includes(value as never)) ctx.addIssue({ code: 'invalid_value', values: datasetIds, input: value });
  })
  .meta({ enum: datasetIds });

const goalSource = z.union([
  z.strictObject({ suite: z.enum(Object.keys(agentSuites) as [string, ...string[]]).describe('A task suite for tool-using apps: its user tasks (benign) and every user task × injection task (malicious), decided by the suite\'s checks (docs/agents.md)') }),
  z.strictObject({ builtin: z.enum(Object.keys(builtinGoalSets) as [string, ...string[]]).describe('A goal set shipped with Redline') }),
  z.strictObject({ file: z.string().min(1).describe('JSONL file of goals: {"id","text","category","persona"} per line') }),
  z
    .object({
      dataset: datasetId.describe('A public dataset read in its upstream format (see `redline datasets list`)'),
      file: z.string().min(1).optional().describe('The downloaded file (default: the pulled copy under OUTPUT_DIR/datasets)'),
    })
    .catchall(z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]))
    .describe('Importer options, e.g. fields: [goal=prompt] for the mapped importer'),
  inlineGoal,
]);

/** The schemas a configuration's component entries are checked by, from the components it may name. */
function componentSchemas(components: Components, unions: { targets: typeof targetOptions; scorers: typeof scorerOptions }) {
  const scorerIds = components.scorers.map((d) => d.id).filter((id) => unions.scorers.safeParse({ id }).success) as [string, ...string[]];
  return {
    targetOptions: unions.targets,
    /** A converter step: an id, or `{ id, ...options }`. */
    converterEntry: componentEntry(components.converters),
    /** A technique: an id, or `{ id, ...options }`. */
    techniqueEntry: componentEntry(components.techniques),
    /** A scorer: an id of one that needs no options, or `{ id, ...options }`. */
    scorerSpec: z.union([z.enum(scorerIds), unions.scorers]),
  };
}

/** Options of every built-in layer, by id. */
const layerOptions = optionsUnion(layerRegistry, 'id');

/**
 * The target union plus `guarded`: any of those targets behind a stack of defense layers (docs/defense.md). A guarded
 * target's inner target is any other type (guards do not nest: a stack is one list).
 */
function guardable(targets: typeof targetOptions) {
  const guarded = z.strictObject({
    type: z.literal('guarded'),
    inner: targets.describe('The target behind the layers: any target type'),
    layers: z.array(layerOptions).min(1).describe('Defense layers in the order they act (docs/defense.md): input, metaprompt and conversation layers on each request, output layers on each reply'),
    refusal: z.string().default('').describe("What a blocked request gets: '' answers as a content filter does (read as the application refusing); other text is returned as the reply"),
    mode: z.enum(['enforce', 'observe', 'observe-blocks']).default('enforce').describe('enforce: apply every decision; observe: record every layer decision but let traffic through unchanged (for `redline defend`, which computes each subset of filters from one run); observe-blocks: apply rewrites, record blocks only'),
  });
  // One discriminated union, so a mistyped target still gets its own type's precise errors.
  const options = [...targets.options, guarded] as unknown as [typeof guarded, ...(typeof targets.options)];
  return z.discriminatedUnion('type', options);
}

/** The redline.yaml schema over some components; every field has a default, so an empty file is a valid demo scan. */
function buildConfigSchema(parts: ReturnType<typeof componentSchemas>) {
  const { targetOptions, converterEntry, techniqueEntry, scorerSpec } = parts;
  /** The models Redline itself uses (model roles), each configured with the same options as a target. */
  const modelRoles = z.strictObject({
    attacker: targetOptions.optional().describe('The model multi-turn techniques (crescendo, PAIR, TAP…) ask for their next message'),
    judge: targetOptions.optional().describe('The model LLM-judge scorers ask'),
    translator: targetOptions.optional().describe('The model low-resource-language techniques translate prompts and replies with'),
  });
  return z.strictObject({
  $schema: z.string().optional(),
  plugins: z
    .array(z.string().min(1))
    .default([])
    .describe('Modules adding techniques, converters, scorers and target types (docs/plugins.md): paths relative to this file, or package names'),
  target: guardable(targetOptions).prefault({ type: 'demo' }).describe('The AI system under test (or `type: guarded` with `inner` and `layers`: the same behind defense layers)'),
  models: modelRoles.prefault({}).describe('Models Redline itself uses: attacker, judge, translator (same options as target)'),
  budget: z
    .strictObject({
      attempt: z
        .strictObject({
          turns: z.number().int().min(1).optional().describe('Target turns one attempt may use'),
          tokens: z.number().int().min(1).optional().describe('Target and attacker tokens one attempt may use'),
          seconds: z.number().positive().optional().describe('Wall time one attempt may take'),
        })
        .prefault({}),
      run: z
        .strictObject({
          tokens: z.number().int().min(1).optional().describe('Tokens the whole run may use; then it stops cleanly, resumable'),
          seconds: z.number().positive().optional().describe('Wall time the run may take; then it stops cleanly, resumable'),
          usd: z.number().positive().optional().describe('US dollars the run may spend, priced by `pricing`; then it stops cleanly, resumable'),
        })
        .prefault({}),
    })
    .prefault({})
    .describe('Cost guards: an attempt over its budget ends as an error with the reason "budget"'),
  pricing: z
    .record(
      z.string().min(1),
      z.strictObject({
        input: z.number().min(0).describe('US dollars per million prompt tokens'),
        output: z.number().min(0).describe('US dollars per million completion tokens'),
      }),
    )
    .default({})
    .describe('Prices in US dollars per million tokens, keyed by a model name (gpt-4o-mini) or a role (target, attacker, judge, translator); the role wins'),
  goals: z.array(goalSource).min(1).default([{ builtin: 'starter' }]).describe('Where the goals come from'),
  select: z
    .strictObject({
      categories: z.array(z.string().min(1)).min(1).optional().describe('Keep goals whose category matches one of these globs, e.g. [privacy, "self-*"]'),
      techniques: z.array(z.string().min(1)).min(1).optional().describe('Keep techniques whose id matches one of these globs, e.g. ["xpia-*"]'),
      converters: z.array(z.string().min(1)).min(1).optional().describe('Keep converter chains whose id matches one of these globs (none = unconverted), e.g. [none, "base64*"]'),
      owasp: z.array(z.string().min(1)).min(1).optional().describe('Keep techniques tagged with one of these OWASP LLM Top 10 ids, e.g. [LLM01] (the year may be left out)'),
      atlas: z.array(z.string().min(1)).min(1).optional().describe('Keep techniques tagged with one of these MITRE ATLAS ids, e.g. [AML.T0051] (sub-techniques included)'),
      goalsSample: z.number().int().min(1).optional().describe('Keep this many goals, drawn at random but stratified by category (every category keeps its share)'),
      sampleSeed: z.number().int().min(0).max(2 ** 32 - 1).default(0).describe('Seed of the goal sample: the same seed draws the same goals'),
      maxAttempts: z.number().int().min(1).optional().describe('Refuse to start a run whose plan has more attempts than this'),
    })
    .prefault({})
    .describe('Narrow a scan before anything is sent: which goals, techniques and converter chains run, and a ceiling on its size'),

  techniques: z
    .array(techniqueEntry)
    .min(1)
    .default(['direct-request', 'instruction-override', 'role-play', 'extract-repeat-above'])
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
      requestsPerSecond: z.number().min(1).optional().describe('Requests in any one-second window, at most (strict, no burst; across every worker of a distributed scan)'),
      requestsPerMinute: z.number().positive().optional(),
      tokensPerMinute: z.number().positive().optional(),
    })
    .prefault({}),
  listener: z
    .strictObject({
      host: z.string().min(1).default('127.0.0.1').describe('Address the out-of-band listener binds (loopback by default)'),
      port: z.number().int().min(0).max(65535).default(0).describe('Its port (0: any free one)'),
      publicUrl: z.url({ protocol: /^https?$/ }).optional().describe('The base URL planted in attempts when the target reaches the listener by another name (a tunnel, a host alias)'),
    })
    .prefault({})
    .describe('The out-of-band listener started for goals that plant {{exfil.url}}, {{exfil.image}}…: a request carrying an attempt\'s token proves exfiltration for that attempt'),
  preflight: z
    .strictObject({
      probe: z.boolean().default(true).describe('Send one short request to a network target before the run: one that cannot answer (refused, 401, 404…) stops the scan with exit 5 before anything is stored'),
      documents: z
        .enum(['inline', 'skip'])
        .default('inline')
        .describe('A technique that plants a document, against a target that takes none: paste it into the user turn (inline, recorded as such), or skip those pairs'),
    })
    .prefault({})
    .describe('Checks before the first send: what cannot be delivered or scored is adapted or skipped and listed, never run silently'),
  errorBudget: z
    .strictObject({
      stop: z.boolean().default(true).describe('Stop the run as failed (exit 5) when the target keeps failing'),
      firstAttempts: z.number().int().min(1).default(10).describe('Stop when each of the first N attempts ended in error'),
      maxErrorRate: z.number().min(0).max(1).default(0.5).describe('Stop when more than this share of the attempts so far ended in error…'),
      minAttempts: z.number().int().min(1).default(20).describe('…once at least this many have ended'),
    })
    .prefault({})
    .describe('Fail closed: a target that answers errors is reported as unusable, never as safe'),
  scoring: z
    .strictObject({
      scorers: z.array(scorerSpec).min(1).default(['refusal', 'canary']).describe('Scorers run on every reply'),
      decide: z.string().optional().describe('Scorer id that decides every goal, overriding each goal’s own'),
      calibration: calibrationSource.optional(),
    })
    .prefault({}),
  severity: severityRules.prefault({}).describe('Severity rules tried before the built-in ones (docs/severity.md)'),
  gates: gateSettings.prefault({}).describe('Default --fail-on gates and the bound they compare'),
  output: z
    .strictObject({
      dir: z.string().default('.redline').describe('Folder for the database and reports'),
      database: z.string().optional().describe('Database file (default: DIR/redline.db)'),
    })
    .prefault({}),
  store: z.string()
    .refine((url) => /^postgres(ql)?:\/\//i.test(url), { message: 'the store must be a postgres:// URL (a SQLite file is set with output.database)' })
    .refine((url) => !URL.canParse(url) || new URL(url).password === '', {
      message: 'a store URL must not carry a password: the configuration is stored with every run; give the password in PGPASSWORD instead',
    })
    .optional()
    .describe('Where runs are stored instead of the SQLite file: a postgres:// URL without its password (PGPASSWORD gives it)'),
  });
}

/** The redline.yaml schema for Redline's own components; every field has a default, so an empty file is a valid demo scan. */
export const configSchema = buildConfigSchema(componentSchemas(builtinComponents, { targets: targetOptions, scorers: scorerOptions }));

/** The schema of each plugin-extended component set, built once. */
const extendedSchemas = new WeakMap<Components, typeof configSchema>();

/**
 * The redline.yaml schema for some components: Redline's own (`configSchema`), or those plus a configuration's
 * plugins, whose ids and options it checks as strictly as the built-in ones.
 */
export function configSchemaFor(components: Components): typeof configSchema {
  if (components === builtinComponents) return configSchema;
  let schema = extendedSchemas.get(components);
  if (schema === undefined) {
    // Typed as the built-in unions: a plugin's entries are read through its own descriptor, found by id.
    const targets = optionsUnion(components.targets, 'type') as unknown as typeof targetOptions;
    schema = buildConfigSchema(componentSchemas(components, { targets, scorers: scorerOptionsFor(components.scorers) }));
    extendedSchemas.set(components, schema);
  }
  return schema;
}

/** A parsed, defaulted configuration. */
export type RedlineConfig = z.output<typeof configSchema>;

/** Model roles as older configurations wrote them, at the top level; still accepted, with a deprecation line. */
type DeprecatedModelRoles = {
  /** @deprecated write `models.attacker` */
  readonly attacker?: z.input<typeof targetOptions>;
  /** @deprecated write `models.judge` */
  readonly judge?: z.input<typeof targetOptions>;
  /** @deprecated write `models.translator` */
  readonly translator?: z.input<typeof targetOptions>;
};

/** A configuration as written (every field optional). */
export type RedlineConfigInput = z.input<typeof configSchema> & DeprecatedModelRoles;
/** One scorer entry of the configuration. */
export type ScorerSpec = z.output<ReturnType<typeof componentSchemas>['scorerSpec']>;
/** One goal source of the configuration. */
export type GoalSource = z.output<typeof goalSource>;

/**
 * The configuration schema as JSON Schema (draft 2020-12), for editors; the top-level model roles of older
 * configurations are listed as deprecated, so editors accept them and say where they moved.
 */
export function configJsonSchema(): unknown {
  const schema = z.toJSONSchema(configSchema, { io: 'input', unrepresentable: 'any', override: strictComponentEntries }) as { properties: Record<string, unknown> };
  const deprecated = MODEL_ROLES.map((role) => [
    role,
    { $ref: `#/properties/models/properties/${role}`, deprecated: true, description: `Deprecated: write it as models.${role}` },
  ]);
  return { ...schema, properties: { ...schema.properties, ...Object.fromEntries(deprecated) } };
}
