import type { Attempt } from '../core/attempt.js';
import type { ComponentRef } from '../core/component-ref.js';
import type { AttemptEvent } from '../core/event.js';
import type { ClassifierTarget, EvasionAttack, MlAttackInfo, MlInput, MlSample, PerturbationSizes, Prediction } from '../core/ml.js';
import { seededRandom } from '../core/random.js';
import type { Score } from '../core/score.js';
import { createOracle } from '../ml/oracle.js';
import { l0, l2, linf } from '../ml/vector.js';
import type { Clock } from './clock.js';
import type { CallContext } from './send-with-retry.js';
import { ClassifyFailed, ClassifyStopped, engineClassify } from './ml-classify.js';

/** One attack as a run uses it. */
export type PlannedEvasion = {
  /** The attack's component reference (kind 'technique': it fills the technique's place in the attempt). */
  readonly ref: ComponentRef;
  /** What it is. */
  readonly info: MlAttackInfo;
  /** The built attack. */
  readonly attack: EvasionAttack;
  /** Queries it may spend on one sample. */
  readonly budget: number;
  /** Success bound in its norm (text: the largest fraction of words changed). */
  readonly epsilon: number;
};

/** The scorer reference every evasion attempt is decided by: a confirmed label change within the bound. */
export const EVASION_SCORER: ComponentRef = { kind: 'scorer', id: 'ml-evasion', instance: 'ml-evasion', hash: 'ml-evasion-1' };

/** What one evasion attempt needs. */
export type EvasionAttemptInput = {
  /** Plan position. */
  readonly seq: number;
  /** The sample (correctly classified when screened). */
  readonly sample: MlSample;
  /** Its goal reference. */
  readonly goal: ComponentRef;
  /** The identity chain reference. */
  readonly chain: ComponentRef;
  /** Category, e.g. 'ml-evasion:image'. */
  readonly category: string;
  /** The attack. */
  readonly attack: PlannedEvasion;
  /** The victim. */
  readonly target: ClassifierTarget;
  /** Rate limiter, retry policy, timeout and stop signal shared by the run. */
  readonly call: CallContext;
  /** Seed of this attempt's randomness. */
  readonly seed: number;
  /** Clock. */
  readonly clock: Clock;
  /** The run's query budget, shared by every attempt: false when `n` more queries would exceed it. */
  readonly takeQueries?: (n: number) => boolean;
};

function sizesOf(original: MlInput, adversarial: MlInput): PerturbationSizes {
  if (typeof original === 'string' || typeof adversarial === 'string') {
    const before = String(original).split(/\s+/).filter(Boolean);
    const after = String(adversarial).split(/\s+/).filter(Boolean);
    let changed = Math.abs(before.length - after.length);
    for (let i = 0; i < Math.min(before.length, after.length); i += 1) if (before[i] !== after[i]) changed += 1;
    return { l0: changed, words: before.length === 0 ? 0 : changed / before.length };
  }
  return { l0: l0(original, adversarial), l2: l2(original, adversarial), linf: linf(original, adversarial) };
}

function distanceIn(norm: MlAttackInfo['norm'], sizes: PerturbationSizes): number {
  return norm === 'l2' ? sizes.l2! : norm === 'linf' ? sizes.linf! : norm === 'words' ? sizes.words! : sizes.l0;
}

const round = (value: number): string => String(Number(value.toPrecision(3)));

/**
 * Runs one attack on one sample through a counted oracle whose every call is rate-limited and retried; confirms the
 * adversarial input with one more query; succeeds only when the label changed within the bound. Returns undefined
 * when the run was stopped (nothing is recorded for an attempt cut short).
 */
export async function runEvasionAttempt(input: EvasionAttemptInput): Promise<Attempt | undefined> {
  const { sample, target, attack } = input;
  const startedAt = input.clock.now();
  const tally = { retries: 0, latencyMs: 0, queries: 0 };
  const classify = engineClassify({ target, call: input.call, tally, ...(input.takeQueries === undefined ? {} : { takeQueries: input.takeQueries }) });
  const oracle = createOracle({ classify, access: attack.info.access, budget: attack.budget });
  const events: AttemptEvent[] = [];
  const base = {
    seq: input.seq, trial: 0, goal: input.goal, technique: attack.ref, chain: input.chain, category: input.category, persona: 'malicious' as const,
  };
  const trueLabel = target.labels[sample.label] ?? String(sample.label);
  try {
    const result = await attack.attack.run({
      sample, oracle, ...(target.input === undefined ? {} : { input: target.input }), classes: target.labels.length,
      random: seededRandom(input.seed), signal: input.call.stop,
    });
    if (input.call.stop.aborted) return undefined;
    let confirmed: Prediction | undefined;
    if (result.adversarial !== undefined) [confirmed] = await classify([result.adversarial]);
    const sizes = result.adversarial === undefined ? undefined : sizesOf(sample.input, result.adversarial);
    const distance = sizes === undefined ? undefined : distanceIn(attack.info.norm, sizes);
    const evaded = confirmed !== undefined && confirmed.label !== sample.label;
    const within = distance !== undefined && distance <= attack.epsilon * (1 + 1e-6);
    const adversarialLabel = confirmed === undefined ? undefined : target.labels[confirmed.label] ?? String(confirmed.label);
    if (typeof sample.input === 'string' && typeof result.adversarial === 'string') {
      events.push({ type: 'conversion', by: 'converters', chain: attack.info.id, of: 'prompt', before: sample.input, after: result.adversarial });
      events.push({ type: 'message', role: 'user', parts: [{ type: 'text', text: result.adversarial }] });
    }
    events.push({
      type: 'ml', kind: 'evasion', queries: tally.queries, budget: attack.budget, trueLabel,
      ...(adversarialLabel === undefined ? {} : { adversarialLabel }), ...(sizes === undefined ? {} : { sizes }),
      bound: { norm: attack.info.norm, epsilon: attack.epsilon }, progress: result.progress, stopped: result.stopped,
    });
    const score: Score = evaded && within
      ? { scorerId: EVASION_SCORER.id, verdict: 'success', label: 'evaded', value: distance!, reason: `classified as ${adversarialLabel} instead of ${trueLabel} after ${tally.queries} queries, ${attack.info.norm} ${round(distance!)} ≤ ${round(attack.epsilon)}` }
      : evaded
        ? { scorerId: EVASION_SCORER.id, verdict: 'failure', label: 'over-bound', value: distance!, reason: `label changed to ${adversarialLabel}, but ${attack.info.norm} ${round(distance!)} exceeds the bound ${round(attack.epsilon)}` }
        : { scorerId: EVASION_SCORER.id, verdict: 'failure', label: 'held', reason: `no adversarial input within ${attack.budget} queries (${result.stopped})` };
    events.push({ type: 'score', score, deciding: true });
    return {
      ...base, events, outcome: score.verdict === 'success' ? 'success' : 'failure', decidedBy: EVASION_SCORER,
      retries: tally.retries, latencyMs: tally.latencyMs, startedAt, finishedAt: input.clock.now(),
    };
  } catch (caught) {
    if (caught instanceof ClassifyStopped) return undefined;
    if (!(caught instanceof ClassifyFailed)) throw caught;
    const { kind, message } = caught.error;
    events.push({ type: 'ml', kind: 'evasion', queries: tally.queries, budget: attack.budget, trueLabel, stopped: `the target failed: ${kind}` });
    events.push({ type: 'error', kind, message });
    return { ...base, events, outcome: 'error', error: { kind, message }, retries: tally.retries, latencyMs: tally.latencyMs, startedAt, finishedAt: input.clock.now() };
  }
}
