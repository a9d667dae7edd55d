import type { ExfilWitness } from '../core/exfil.js';
import type { KnownSecrets } from '../core/known-secrets.js';
import type { Registry } from '../core/registry.js';
import type { Scorer, ScorerDescriptor } from '../core/score.js';
import type { JudgeModel } from './judge/judge-model.js';
import { requireJudge } from './judge/require-judge.js';
import { scorerRegistry } from './registry.js';
import type { ScorerOptions } from './scorer-options.js';

export type { KnownSecrets } from '../core/known-secrets.js';

/** What scorers may draw on: what the target knows about itself, and the judge model when one is configured. */
export type ScorerServices = KnownSecrets & {
  /** The model LLM-judge scorers ask (`models.judge`). */
  readonly judge?: JudgeModel | undefined;
  /** The scorers options may name (default: Redline's own): a configuration's plugins add theirs. */
  readonly scorers?: Registry<ScorerDescriptor>;
  /** The out-of-band listener's hits, when the run plants listener addresses. */
  readonly exfil?: ExfilWitness;
};

/** A built scorer, the options it was built from (known values filled in) and what its hash must cover. */
export type CreatedScorer = {
  /** The scorer. */
  readonly scorer: Scorer;
  /** The options actually used. */
  readonly options: ScorerOptions;
  /** The scorer descriptor's version. */
  readonly version: number;
  /** Id of the judge model it asks, for LLM judges. */
  readonly judge?: string;
  /** The built children, for composites. */
  readonly parts?: readonly CreatedScorer[];
};

/** What a scorer's hash covers besides its options: its version, plus the judge and the parts' fingerprints. */
export function scorerFingerprint(created: CreatedScorer): unknown {
  if (created.judge === undefined && created.parts === undefined) return created.version;
  return { version: created.version, judge: created.judge, parts: created.parts?.map(scorerFingerprint) };
}

/** A combinator's children (`of`: one scorer's options or a list), and the same shape rebuilt from one value per child. */
function children(options: ScorerOptions): { list: readonly ScorerOptions[]; shaped: <T>(values: readonly T[]) => T | readonly T[] } {
  const of = (options as { of: ScorerOptions | readonly ScorerOptions[] }).of;
  return Array.isArray(of) ? { list: of, shaped: (values) => values } : { list: [of as ScorerOptions], shaped: (values) => values[0]! };
}

/**
 * Builds any registered scorer from parsed options, as its descriptor says: known secrets fill what the options leave
 * out, an LLM judge gets the judge model (building one without it is a ConfigError), a combinator its built children.
 */
export function createScorer(options: ScorerOptions, services: ScorerServices): CreatedScorer {
  const descriptor: ScorerDescriptor<Record<string, unknown>> = (services.scorers ?? scorerRegistry).get(options.id);
  const filled = (descriptor.fill?.(options as never, services) ?? options) as ScorerOptions;
  const nested = descriptor.combines === true ? children(filled) : undefined;
  const parts = nested?.list.map((child) => createScorer(child, services));
  const judge = descriptor.needsJudge === true ? requireJudge(services.judge, options.id) : undefined;
  const settings = {
    ...filled,
    ...(judge === undefined ? {} : { judge }),
    ...(descriptor.readsListener === true && services.exfil !== undefined ? { witness: services.exfil } : {}),
    ...(nested === undefined || parts === undefined ? {} : { of: nested.shaped(parts.map((p) => p.scorer)) }),
  };
  return {
    scorer: descriptor.create(settings),
    options: nested === undefined || parts === undefined ? filled : ({ ...filled, of: nested.shaped(parts.map((p) => p.options)) } as ScorerOptions),
    version: descriptor.version,
    ...(judge === undefined ? {} : { judge: judge.id }),
    ...(parts === undefined ? {} : { parts }),
  };
}
