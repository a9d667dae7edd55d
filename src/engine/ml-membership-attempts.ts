import type { Attempt } from '../core/attempt.js';
import type { ComponentRef } from '../core/component-ref.js';
import type { AttemptEvent } from '../core/event.js';
import type { ClassifierTarget, MlSample } from '../core/ml.js';
import { seededRandom, deriveSeed } from '../core/random.js';
import { membershipScore, type MembershipAttackId } from '../ml/membership/membership-inference.js';
import { createOracle } from '../ml/oracle.js';
import type { Clock } from './clock.js';
import { ClassifyFailed, ClassifyStopped, engineClassify } from './ml-classify.js';
import type { CallContext } from './send-with-retry.js';

/** The scorer reference of membership attempts: the attack's call (member or not) is right. */
export const MEMBERSHIP_SCORER: ComponentRef = { kind: 'scorer', id: 'ml-membership', instance: 'ml-membership', hash: 'ml-membership-1' };

/** One record of a membership attack: a training member or a non-member, with its goal and plan position. */
export type MembershipRecord = {
  /** The record. */
  readonly sample: MlSample;
  /** True for a training member. */
  readonly member: boolean;
  /** Its goal reference. */
  readonly goal: ComponentRef;
  /** Plan position. */
  readonly seq: number;
};

/**
 * Scores every record with one membership attack (each record's queries counted, rate-limited and retried), then
 * calls the scores at or above their median members — a threshold chosen without labels, so on a balanced set the attempts'
 * success rate is the attack's accuracy against the 50 % of guessing. The score itself is stored for the AUC.
 */
export async function runMembership(input: {
  readonly attack: MembershipAttackId;
  readonly ref: ComponentRef;
  readonly records: readonly MembershipRecord[];
  readonly target: ClassifierTarget;
  readonly chain: ComponentRef;
  readonly call: CallContext;
  readonly takeQueries?: (n: number) => boolean;
  readonly copies: number;
  readonly noise: number;
  readonly seed: number;
  readonly clock: Clock;
}): Promise<Attempt[] | undefined> {
  const scored: ({ score: number; correct: boolean; queries: number; retries: number; latencyMs: number; startedAt: number; finishedAt: number } | { error: { kind: string; message: string }; queries: number; retries: number; latencyMs: number; startedAt: number; finishedAt: number })[] = [];
  for (const record of input.records) {
    const tally = { retries: 0, latencyMs: 0, queries: 0 };
    const classify = engineClassify({ target: input.target, call: input.call, tally, ...(input.takeQueries === undefined ? {} : { takeQueries: input.takeQueries }) });
    const startedAt = input.clock.now();
    try {
      const oracle = createOracle({ classify, access: input.attack === 'membership-threshold' ? 'scores' : 'label', budget: 1 + input.copies });
      const result = await membershipScore({
        attack: input.attack, oracle, sample: record.sample, ...(input.target.input === undefined ? {} : { input: input.target.input }),
        copies: input.copies, noise: input.noise, random: seededRandom(deriveSeed(input.seed, input.attack, record.sample.id)),
      });
      scored.push({ ...result, ...tally, startedAt, finishedAt: input.clock.now() });
    } catch (caught) {
      if (caught instanceof ClassifyStopped) return undefined;
      if (!(caught instanceof ClassifyFailed)) throw caught;
      scored.push({ error: { kind: caught.error.kind, message: caught.error.message }, ...tally, startedAt, finishedAt: input.clock.now() });
    }
  }
  const scores = scored.flatMap((s) => ('score' in s ? [s.score] : [])).sort((a, b) => a - b);
  const median = scores.length === 0 ? 0 : (scores[(scores.length - 1) >> 1]! + scores[scores.length >> 1]!) / 2;
  return input.records.map((record, i): Attempt => {
    const s = scored[i]!;
    const base = {
      seq: record.seq, trial: 0, goal: record.goal, technique: input.ref, chain: input.chain, category: 'ml-membership', persona: 'malicious' as const,
      retries: s.retries, latencyMs: s.latencyMs, startedAt: s.startedAt, finishedAt: s.finishedAt,
    };
    if (!('score' in s)) {
      const events: AttemptEvent[] = [{ type: 'ml', kind: 'membership', queries: s.queries, figures: { member: record.member ? 1 : 0 }, stopped: `the target failed: ${s.error.kind}` }, { type: 'error', ...s.error }];
      return { ...base, events, outcome: 'error', error: s.error };
    }
    // At or above the median: saturated scores (a probability of exactly 1) tie at the top, and are members' mark.
    const called = s.score >= median;
    const right = called === record.member;
    const events: AttemptEvent[] = [
      { type: 'ml', kind: 'membership', queries: s.queries, budget: 1 + (input.attack === 'membership-threshold' ? 0 : input.copies), figures: { member: record.member ? 1 : 0, score: s.score, correct: s.correct ? 1 : 0, threshold: median } },
      {
        type: 'score', deciding: true,
        score: {
          scorerId: MEMBERSHIP_SCORER.id, verdict: right ? 'success' : 'failure', label: called ? 'called-member' : 'called-non-member', value: s.score,
          reason: `score ${Number(s.score.toPrecision(3))} ${called ? 'at or above' : 'below'} the median ${Number(median.toPrecision(3))}: called ${called ? 'a member' : 'a non-member'}; it is ${record.member ? 'a training member' : 'not a member'}`,
        },
      },
    ];
    return { ...base, events, outcome: right ? 'success' : 'failure', decidedBy: MEMBERSHIP_SCORER };
  });
}
