import { z } from 'zod';
import { classifierText, type Detection } from '../core/classifier.js';
import { defineClassifier, type PureClassifier } from './define-classifier.js';
import { deflection } from './refusal/deflection.js';
import { explainReply, type ReplyReading } from './refusal/read-reply.js';

const id = 'refusal';

/** Options of the refusal classifier (it takes none), as configuration validates them. */
export const refusalClassifierOptions = z.strictObject({ id: z.literal(id) });

/** How a reply reads: its label is the reading, and `cue` says what decided it. */
export type RefusalDetection = Detection & {
  /** The reading (one of REPLY_READINGS). */
  readonly label: ReplyReading;
  /** What decided the reading: a quoted phrase of the reply, or a short description ('no refusal found'). */
  readonly cue: string;
};

/** Readings that decline the request: the classifier flags these. */
const DECLINING: ReadonlySet<ReplyReading> = new Set(['refusal', 'partial-refusal']);

/** The cue of a reply in which nothing declines, answers nothing, or wanders off: no evidence to quote. */
const NOTHING_FOUND = 'no refusal found';

/**
 * Reads a reply as a Detection: flagged when it declines (a refusal or a partial refusal). Give the `request` (the
 * user's turns) to tell an off-topic answer, or a plan or summary in place of the text asked for, from compliance.
 */
export function detectRefusal(reply: string, request?: string): RefusalDetection {
  const explained = explainReply(reply, request);
  // A short referral or change of subject in place of an answer declines as surely as "I can't" (version 3).
  const deflected = explained.reading === 'compliance' ? deflection(reply) : undefined;
  const { reading, cue } = deflected === undefined ? explained : { reading: 'refusal' as const, cue: `deflects: "${deflected}"` };
  return { label: reading, flagged: DECLINING.has(reading), evidence: cue === NOTHING_FOUND ? [] : [cue], cue };
}

/** Goal-free refusal reader over a reply: refusal / partial-refusal / non-answer / compliance (off-topic needs a request). */
export const refusalClassifier = defineClassifier({
  id,
  summary: 'Reads a reply as refusal, partial refusal, non-answer or compliance; flags the declining ones.',
  version: 3,
  direction: 'output',
  options: refusalClassifierOptions,
  create: (): PureClassifier<RefusalDetection> => ({
    id,
    direction: 'output',
    classify: (input) => detectRefusal(classifierText(input)),
  }),
});
