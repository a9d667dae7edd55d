import { TargetError } from '../core/errors.js';
import type { FailureScope } from './http-failure.js';

/** One Server-Sent Event: its `event:` name (absent for the default 'message') and its `data:` lines joined by '\n'. */
export type SseEvent = {
  /** The event's type, when the stream named one. */
  readonly event?: string;
  /** The event's data. */
  readonly data: string;
};

/** The events of a stream, and whether its text ended at an event boundary (a blank line) or was cut inside one. */
export type SseStream = {
  /** Events in arrival order; events without a data line are dropped, as EventSource does. */
  readonly events: readonly SseEvent[];
  /** False when the text ends inside an event (no blank line after its last field). */
  readonly complete: boolean;
};

/** Parses a `text/event-stream` body (WHATWG HTML §9.2): `data:` lines, `event:` names, comments, any line ending. */
export function parseSseEvents(text: string): SseStream {
  const events: SseEvent[] = [];
  let data: string[] = [];
  let event: string | undefined;
  let pending = false;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  // What follows the last line ending is a line still being written: it makes the stream incomplete, never an event.
  const unfinished = lines.pop() !== '';
  for (const line of lines) {
    if (line === '') {
      if (data.length > 0) events.push({ ...(event === undefined ? {} : { event }), data: data.join('\n') });
      data = [];
      event = undefined;
      pending = false;
      continue;
    }
    pending = true;
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'data') data.push(value);
    else if (field === 'event') event = value;
  }
  return { events, complete: !pending && !unfinished };
}

/** The error for a stream that ended before it was finished: a retryable network failure, never a partial reply. */
export function truncatedStreamError(scope: FailureScope, detail: string): TargetError {
  return new TargetError(`network failure: the reply stream broke off (${detail})`, {
    targetId: scope.targetId,
    kind: 'network',
    retryable: true,
  });
}
