import type { TaxonomyTags } from '../../core/taxonomy.js';
import { ConfigError } from '../../core/errors.js';
import type { RunSummary } from '../../stats/summary.js';
import { GATE_BOUNDS, type Gate, type GateBound, type UndecidedPolicy } from '../../taxonomy/gate-expression.js';
import { gateSettings } from '../../taxonomy/gate-settings.js';
import { parseGate } from '../../taxonomy/parse-gate.js';
import { severityRules, type SeverityRule } from '../../taxonomy/severity-rules.js';
import { buildFindings } from '../finding.js';
import { evaluateGates } from './evaluate-gates.js';
import type { GatedRun } from './gate.js';

/** How a run is rated and gated: severity rules, gates and the bound they compare. */
export type ReportPolicy = {
  /** Configured severity rules, tried before the built-in ones. */
  readonly rules: readonly SeverityRule[];
  /** Gates to apply. */
  readonly gates: readonly Gate[];
  /** Which number of each rate the gates compare. */
  readonly bound: GateBound;
  /** What a selected cell with no decided attempt does to a rate gate. */
  readonly undecided: UndecidedPolicy;
};

/** Where the policy comes from: the configuration's `severity` and `gates` sections, and command-line overrides. */
export type PolicyRequest = {
  /** The loaded configuration (its `severity` and `gates` sections are read when present). */
  readonly config: unknown;
  /** The configuration file, for error messages. */
  readonly configFile?: string;
  /** `--fail-on` expressions; any given replace the configured ones. */
  readonly failOn?: readonly string[];
  /** `--gate-bound`; overrides the configured bound. */
  readonly gateBound?: string;
  /** `--allow-undecided`: cells with no decided attempt pass the rate gates instead of failing them. */
  readonly allowUndecided?: boolean;
};

/** Resolves the policy; throws ConfigError for a bad gate expression or bound. */
export function reportPolicy(request: PolicyRequest): ReportPolicy {
  const sections = (request.config ?? {}) as { severity?: unknown; gates?: unknown };
  const settings = gateSettings.parse(sections.gates);
  const file = request.configFile ?? '<config>';
  const cli = request.failOn ?? [];
  const gates = cli.length > 0
    ? cli.map((expression) => parseGate(expression))
    : settings.failOn.map((expression, i) => parseGate(expression, { file, path: `gates.failOn[${i}]` }));
  const bound = request.gateBound ?? settings.bound;
  if (!(GATE_BOUNDS as readonly string[]).includes(bound)) {
    throw new ConfigError(`--gate-bound must be one of ${GATE_BOUNDS.join(', ')}, got '${bound}'`, {
      file: '<command line>',
      path: '--gate-bound',
      hint: 'upper (the default) fails when the true rate could exceed the threshold; point compares the observed rate',
    });
  }
  const undecided = request.allowUndecided === true ? 'pass' : settings.undecided;
  return { rules: severityRules.parse(sections.severity).rules, gates, bound: bound as GateBound, undecided };
}

/** What `judgeRun` reads. */
export type JudgeInput = {
  /** The run summary. */
  readonly summary: RunSummary;
  /** Severity rules and gates. */
  readonly policy: ReportPolicy;
  /** A technique's framework ids by registry id (the registry's lookup; the API passes it). */
  readonly techniqueTaxonomy?: (id: string) => TaxonomyTags | undefined;
};

/** Rates a run's cells and applies the gates: what the pipeline renderers read. */
export function judgeRun(input: JudgeInput): GatedRun {
  const { summary, policy } = input;
  const findings = buildFindings(summary, { rules: policy.rules, ...(input.techniqueTaxonomy ? { techniqueTaxonomy: input.techniqueTaxonomy } : {}) });
  return { summary, outcome: evaluateGates({ findings, gates: policy.gates, bound: policy.bound, undecided: policy.undecided, runFailure: runFailure(summary) }) };
}

/** Why a run as a whole gave no number a gate could trust: it failed, or recorded nothing. Null when it measured. */
export function runFailure(summary: RunSummary): string | null {
  const failure = summary.failure;
  if (summary.status === 'failed') {
    return failure === undefined ? 'the run failed' : `the target kept failing (${failure.rule}); most errors were ${failure.errorKind}: ${failure.message}`;
  }
  return summary.recorded === 0 ? 'no attempt was recorded' : null;
}
