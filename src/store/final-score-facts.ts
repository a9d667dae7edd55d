import type { AttemptEvent } from '../core/event.js';
import { CONTENT_FILTER_LABEL } from '../core/score.js';

/** What one scorer's final scores of an attempt say: whether any flagged the reply, and whether it decided the attempt. */
export type DetectorFacts = { hit: boolean; deciding: boolean };

/**
 * What summaries count of an attempt's final scores (those given mid-conversation, with a turn, left out): per
 * scorer, whether any of its scores flagged the reply and whether it decided the attempt; and how many deciding
 * scores read a reply the target's content filter blocked.
 */
export function finalScoreFacts(events: readonly AttemptEvent[]): { filtered: number; detectors: Map<string, DetectorFacts> } {
  let filtered = 0;
  const detectors = new Map<string, DetectorFacts>();
  for (const event of events) {
    if (event.type !== 'score' || (event.turn ?? null) !== null) continue;
    if (event.deciding && event.score.label === CONTENT_FILTER_LABEL) filtered += 1;
    const facts = detectors.get(event.score.scorerId) ?? { hit: false, deciding: false };
    facts.hit ||= event.score.verdict === 'success';
    facts.deciding ||= event.deciding;
    detectors.set(event.score.scorerId, facts);
  }
  return { filtered, detectors };
}
