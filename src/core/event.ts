import type { ContentPart, Role } from './message.js';
import type { Score } from './score.js';
import type { LayerRecord } from './layer-verdict.js';
import type { TargetMetadata, Usage } from './target.js';
import type { MlMeasures } from './ml.js';

/** Who wrote a user turn: the attacker model, a script, a fabricated history, or the technique's own text. */
export type TurnSource = 'attacker' | 'script' | 'fabricated' | 'technique';

/** A model Redline itself uses (never the system under test). */
export type ModelRole = 'attacker' | 'judge' | 'translator';

/** A turn of the conversation as it went over the wire: what the target received, or what it answered. */
export type MessageEvent = {
  /** Discriminator. */
  readonly type: 'message';
  /** Who spoke. */
  readonly role: Role;
  /** The content exactly as sent or received: text, tool calls, tool results, planted documents. */
  readonly parts: readonly ContentPart[];
  /** Who wrote a user turn, when the technique says (multi-turn and fabricated turns). */
  readonly source?: TurnSource;
  /** Branch or tree node the turn belongs to (backtracks, TAP), when the conversation was not linear. */
  readonly node?: string;
  /** True for turns of an abandoned branch: kept for the record, not part of the final transcript. */
  readonly pruned?: boolean;
};

/** One call to the target or to a model role, after its retries. */
export type TargetCallEvent = {
  /** Discriminator. */
  readonly type: 'target-call';
  /** The model role called; absent for the target under test. */
  readonly model?: ModelRole;
  /** True when an answer came back. */
  readonly ok: boolean;
  /** Time the last try took, in ms. */
  readonly latencyMs: number;
  /** Tries after the first. */
  readonly retries: number;
  /** Messages and planted documents in the request. */
  readonly request: { readonly messages: number; readonly documents: number };
  /** Token usage, when reported. */
  readonly usage?: Usage;
  /** Finish reason, refusal and content-filter flags the target reported. */
  readonly metadata?: TargetMetadata;
  /** The failure that ended the tries, when `ok` is false. */
  readonly error?: { readonly kind: string; readonly message: string };
};

/** A text changed before sending (converters, translation) or before scoring (a reply translated back). */
export type ConversionEvent = {
  /** Discriminator. */
  readonly type: 'conversion';
  /** What changed it: the converter chain, or the translator. */
  readonly by: 'converters' | 'translation';
  /** The chain id ('base64+leetspeak'), or the language translated into ('Zulu', 'English'). */
  readonly chain: string;
  /** A user turn before it was sent, or a reply as it was read for scoring. */
  readonly of: 'prompt' | 'reply';
  /** The text before. */
  readonly before: string;
  /** The text after. */
  readonly after: string;
};

/** A scorer's verdict. */
export type ScoreEvent = {
  /** Discriminator. */
  readonly type: 'score';
  /** The score given. */
  readonly score: Score;
  /** True for the verdict that decided the attempt's outcome. */
  readonly deciding: boolean;
  /** For a judgement during a conversation (has the goal been reached yet?): the 1-based target turn judged. */
  readonly turn?: number;
};

/** What ended an attempt without a verdict: a target failure, a spent budget, a failed translation. */
export type ErrorEvent = {
  /** Discriminator. */
  readonly type: 'error';
  /** Failure kind, e.g. 'http-429', 'timeout', 'budget', 'translator-network'. */
  readonly kind: string;
  /** One readable line. */
  readonly message: string;
};

/** One defense layer's decision on a request or reply, inside a call to a guarded target. */
export type LayerEvent = LayerRecord & {
  /** Discriminator. */
  readonly type: 'layer';
};

/** What an attack on an ordinary classifier measured (classic ML): queries, perturbation sizes, progress. */
export type MlEvent = MlMeasures & {
  /** Discriminator. */
  readonly type: 'ml';
};

/** One typed entry of an attempt's log, in the order things happened (Inspect's transcript idea). */
export type AttemptEvent = MessageEvent | TargetCallEvent | ConversionEvent | ScoreEvent | ErrorEvent | LayerEvent | MlEvent;

/** Every event type, for stores and readers that switch on it. */
export const EVENT_TYPES: readonly AttemptEvent['type'][] = ['message', 'target-call', 'conversion', 'score', 'error', 'layer', 'ml'];

/** A turn as reports show it: a message with the text before conversion and the reply as scored, when they differ. */
export type Turn = {
  /** Who spoke. */
  readonly role: Role;
  /** The text exactly as sent or received. */
  readonly content: string;
  /** The content parts when there is more than text (tool calls, planted documents). */
  readonly parts?: readonly ContentPart[];
  /** The text before converters (or translation) changed it, when they did. */
  readonly original?: string;
  /** The reply as scorers read it, when it was interpreted first (translated back to English). */
  readonly interpreted?: string;
  /** Who wrote a user turn, when the technique said. */
  readonly source?: TurnSource;
  /** Branch or tree node. */
  readonly node?: string;
  /** True for turns of an abandoned branch. */
  readonly pruned?: boolean;
};

/**
 * The turns of an event log, for reports: each message with the earliest `before` of the prompt conversions just
 * before it as `original`, and the last reply conversion just after it as `interpreted`.
 */
export function turnsOf(events: readonly AttemptEvent[]): Turn[] {
  const turns: Turn[] = [];
  let original: string | undefined;
  for (const event of events) {
    if (event.type === 'conversion') {
      if (event.of === 'prompt') original ??= event.before;
      else if (turns.length > 0) turns[turns.length - 1] = { ...turns[turns.length - 1]!, interpreted: event.after };
      continue;
    }
    if (event.type !== 'message') continue;
    let content = '';
    let more = false;
    for (const part of event.parts) {
      if (part.type === 'text') content += part.text;
      else more = true;
    }
    turns.push({
      role: event.role,
      content,
      ...(more ? { parts: event.parts } : {}),
      ...(original === undefined || original === content ? {} : { original }),
      ...(event.source === undefined ? {} : { source: event.source }),
      ...(event.node === undefined ? {} : { node: event.node }),
      ...(event.pruned ? { pruned: true } : {}),
    });
    original = undefined;
  }
  return turns;
}

/** The final scores of an event log (judgements made during a conversation left out), in order. */
export function scoresOf(events: readonly AttemptEvent[]): Score[] {
  const scores: Score[] = [];
  for (const event of events) if (event.type === 'score' && event.turn === undefined) scores.push(event.score);
  return scores;
}
