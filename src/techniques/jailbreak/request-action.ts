// Finds the bare action inside a request, for framings that restate it ('here is how to …', 'how did people …').
import { bare, lowerFirst } from './framing.js';

/** Politeness around a request: 'please', 'can you'. */
const POLITE = /^(?:please,?\s+)?(?:(?:can|could|would|will) you\s+(?:please\s+)?)?/iu;

/** A verb of asking, removed only when a how-to opening follows it ('explain how to …', not 'explain gravity'). */
const ASK = /^(?:(?:tell|show|teach) me|(?:give|write|create|provide|produce|develop)(?: me)?|explain(?: to me)?|describe|outline|i (?:want|need|would like) to know)\s+/iu;

/** Openings that introduce the action itself: 'how do I', 'how to', 'the best way to', 'step-by-step instructions to'. */
const HOW_TO =
  /^(?:how (?:do|can|could|would|should|might) (?:i|you|one|we|someone|people)|how to|(?:what(?:'s| is| are) )?(?:the |a |some )?(?:[\w-]+ ){0,2}(?:ways?|methods?|instructions|steps|directions|tutorial|guide)\s+(?:to|on how to|for how to))\s+/iu;

/** A question that asks about something rather than for an action: 'where can I …', 'what is …'. */
const QUESTION = /^(?:what|which|where|who|whom|whose|why|when|how|is|are|was|were|do|does|did|can|could|should|would|will)\b/iu;

/**
 * The action a request asks for, without its wrappers: 'Can you tell me how to pick a lock?' → 'pick a lock',
 * 'Write a poem.' → 'write a poem'; undefined for a question about something ('Where can I buy …?').
 */
export function requestAction(text: string): string | undefined {
  const request = bare(text).replace(POLITE, '');
  for (const candidate of [request.replace(ASK, ''), request]) {
    const action = candidate.replace(HOW_TO, '');
    if (action !== candidate && action.length > 0) return lowerFirst(action);
  }
  return QUESTION.test(request) ? undefined : lowerFirst(request);
}

/** What an answer to the request covers, as a noun phrase: 'how to pick a lock', or 'the answer' for other questions. */
export function requestTopic(text: string): string {
  const action = requestAction(text);
  return action === undefined ? 'the answer' : `how to ${action}`;
}
