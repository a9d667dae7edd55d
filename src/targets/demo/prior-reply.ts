import { compliantOpening } from './framing.js';
import { demoConfusedReply, demoRefusals, demoSessionEndedReply, ownAnswerMarker, ownComplianceMarkers } from './replies.js';

/** How an earlier assistant turn of the conversation went, as the demo reads it. */
export type PriorReply = 'complied' | 'answered' | 'refused' | 'non-answer';

// A refusal written by someone else (a real model, or an attacker fabricating history).
const foreignRefusal =
  /\b(?:I'm sorry|I am sorry|I can(?:'|’|no)t|I won(?:'|’)t|I will not|I'm unable|I am unable|I must decline)\b|not something I can help/i;

/**
 * Reads an earlier assistant turn: the demo's own replies by their exact wording or markers, any other text
 * (real or fabricated) by a refusal phrase or a compliant opening; whatever else it said counts as answered.
 */
export function readPriorReply(text: string): PriorReply {
  if (demoRefusals.includes(text) || text === demoSessionEndedReply) return 'refused';
  if (text === demoConfusedReply || text.trim() === '') return 'non-answer';
  if (ownComplianceMarkers.some((marker) => marker.test(text))) return 'complied';
  if (text.includes(ownAnswerMarker)) return 'answered';
  if (foreignRefusal.test(text)) return 'refused';
  return compliantOpening.test(text) ? 'complied' : 'answered';
}
