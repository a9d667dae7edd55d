import type { MlScanConfig } from '../config/ml-scan-schema.js';
import type { Attempt } from '../core/attempt.js';
import type { ComponentRef, ComponentSpec } from '../core/component-ref.js';
import { ConfigError } from '../core/errors.js';
import { contentHash } from '../core/hash.js';
import type { ClassifierTarget, MlSample } from '../core/ml.js';
import { deriveSeed } from '../core/random.js';
import type { Clock } from '../engine/clock.js';
import { engineClassify, victimLabels as labelsOf } from '../engine/ml-classify.js';
import { EXTRACTION_SCORER, runExtraction, type ExtractionPlan } from '../engine/ml-extraction-attempts.js';
import { MEMBERSHIP_SCORER, runMembership, type MembershipRecord } from '../engine/ml-membership-attempts.js';
import type { CallContext } from '../engine/send-with-retry.js';
import { COPYCAT } from '../ml/extraction/copycat.js';
import { MEMBERSHIP_LABEL_ONLY, MEMBERSHIP_THRESHOLD } from '../ml/membership/membership-inference.js';
import { loadMlSamples } from './ml-samples.js';

/** A sample as a goal of an ML run: its reference and the spec stored once. */
export function sampleGoal(sample: MlSample, options: { readonly text: string; readonly category: string; readonly label: string }): { ref: ComponentRef; spec: object } {
  const spec = { id: sample.id, text: options.text, category: options.category, persona: 'malicious', metadata: { label: options.label } };
  const input = typeof sample.input === 'string' ? sample.input : Buffer.from(sample.input.buffer, sample.input.byteOffset, sample.input.byteLength).toString('base64');
  return { ref: { kind: 'goal', id: sample.id, instance: sample.id, hash: contentHash({ ...spec, input }) }, spec };
}

/** A part of an ML run after the evasion attacks: its components, attempt count, and how to run it. */
export type MlPhase = {
  /** Components its attempts name. */
  readonly components: readonly ComponentSpec[];
  /** Attempts it stores. */
  readonly attempts: number;
  /** Runs it; undefined when stopped. */
  run(): Promise<readonly Attempt[] | undefined>;
};

type PhaseContext = {
  readonly config: MlScanConfig; readonly target: ClassifierTarget; readonly baseDir: string; readonly file: string; readonly chain: ComponentRef;
  readonly call: CallContext; readonly takeQueries?: (n: number) => boolean; readonly seed: number; readonly clock: Clock;
};

const labelOf = (target: ClassifierTarget, label: number): string => target.labels[label] ?? String(label);

/** Model extraction, one phase per mode: the victim's labels of the evaluation set are queried first (counted). */
export function extractionPhases(context: PhaseContext, firstSeq: number): MlPhase[] {
  const settings = context.config.extraction;
  if (settings === undefined) return [];
  const { target } = context;
  if (target.input === undefined) {
    throw new ConfigError(`${context.file}: extraction: ${target.id} classifies text; extraction trains copies of tensor classifiers`, { file: context.file, path: 'extraction', hint: 'remove extraction for a text target' });
  }
  const input = target.input;
  const load = (samples: MlScanConfig['samples']) => loadMlSamples(samples, { target, baseDir: context.baseDir, file: context.file });
  const pool = load(settings.pool).map((s) => s.input as Float32Array);
  const evaluation = load(settings.evaluation).slice(0, settings.count);
  const goals = evaluation.map((sample) => sampleGoal(sample, { text: `Copy ${target.id}'s label of ${sample.id}`, category: 'ml-extraction', label: labelOf(target, sample.label) }));
  const budgets = [...settings.budgets].sort((a, b) => a - b);
  let victimLabels: number[] | undefined;
  return settings.modes.map((mode, m) => {
    const plan: ExtractionPlan = {
      mode, hidden: settings.hidden,
      budgets: budgets.map((budget, k) => ({
        budget, firstSeq: firstSeq + (m * budgets.length + k) * evaluation.length,
        ref: { kind: 'technique', id: COPYCAT.id, instance: `copycat(mode=${mode},budget=${budget})`, hash: contentHash({ id: COPYCAT.id, mode, budget, hidden: settings.hidden, pool: settings.pool, version: 1 }) },
      })),
    };
    return {
      components: [
        ...(m === 0 ? goals.map((g) => ({ ...g.ref, spec: g.spec })) : []),
        ...plan.budgets.map((b) => ({ ...b.ref, spec: { id: COPYCAT.id, mode, budget: b.budget, hidden: settings.hidden, source: COPYCAT.source } })),
        ...(m === 0 ? [{ ...EXTRACTION_SCORER, spec: { id: EXTRACTION_SCORER.id, rule: 'the copy gives the victim\'s label (fidelity)' } }] : []),
      ],
      attempts: budgets.length * evaluation.length,
      run: async () => {
        if (victimLabels === undefined) {
          const tally = { retries: 0, latencyMs: 0, queries: 0 };
          const classify = engineClassify({ target, call: context.call, tally, ...(context.takeQueries === undefined ? {} : { takeQueries: context.takeQueries }) });
          victimLabels = await labelsOf(classify, evaluation);
          if (victimLabels === undefined) return undefined;
        }
        const labels = victimLabels;
        return runExtraction({
          plan, target, input, pool, chain: context.chain, call: context.call, seed: deriveSeed(context.seed, 'copycat', mode), clock: context.clock,
          evaluation: evaluation.map((sample, i) => ({ sample, goal: goals[i]!.ref, victimLabel: labels[i]! })),
          ...(context.takeQueries === undefined ? {} : { takeQueries: context.takeQueries }),
        });
      },
    };
  });
}

/** Membership inference, one phase per attack over the same balanced records. */
export function membershipPhases(context: PhaseContext, firstSeq: number): MlPhase[] {
  const settings = context.config.membership;
  if (settings === undefined) return [];
  const { target } = context;
  const load = (samples: MlScanConfig['samples']) => loadMlSamples(samples, { target, baseDir: context.baseDir, file: context.file }).slice(0, settings.count);
  const members = load(settings.members);
  const nonMembers = load(settings.nonMembers);
  const records = [...members.map((sample) => ({ sample, member: true })), ...nonMembers.map((sample) => ({ sample, member: false }))];
  const goals = records.map(({ sample }) => sampleGoal(sample, { text: `Tell whether ${sample.id} trained ${target.id}`, category: 'ml-membership', label: labelOf(target, sample.label) }));
  const info = { 'membership-threshold': MEMBERSHIP_THRESHOLD, 'membership-label-only': MEMBERSHIP_LABEL_ONLY };
  return settings.attacks.map((attack, a) => {
    const ref: ComponentRef = { kind: 'technique', id: attack, instance: attack === 'membership-label-only' ? `${attack}(copies=${settings.copies},noise=${settings.noise})` : attack, hash: contentHash({ attack, copies: settings.copies, noise: settings.noise, version: 1 }) };
    const planned: MembershipRecord[] = records.map((r, i) => ({ ...r, goal: goals[i]!.ref, seq: firstSeq + a * records.length + i }));
    return {
      components: [
        ...(a === 0 ? goals.map((g) => ({ ...g.ref, spec: g.spec })) : []),
        { ...ref, spec: { id: attack, copies: settings.copies, noise: settings.noise, source: info[attack].source } },
        ...(a === 0 ? [{ ...MEMBERSHIP_SCORER, spec: { id: MEMBERSHIP_SCORER.id, rule: 'scores at or above their median are called members' } }] : []),
      ],
      attempts: records.length,
      run: () => {
        if (info[attack].access === 'scores' && target.access === 'label') return Promise.resolve([]);
        return runMembership({
          attack, ref, records: planned, target, chain: context.chain, call: context.call, copies: settings.copies, noise: settings.noise,
          seed: context.seed, clock: context.clock, ...(context.takeQueries === undefined ? {} : { takeQueries: context.takeQueries }),
        });
      },
    };
  });
}
