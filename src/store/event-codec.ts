import type { AttemptEvent } from '../core/event.js';

/** An event as stored: its type in a column, everything else as JSON. */
export type StoredEvent = { readonly type: AttemptEvent['type']; readonly body: string };

/** Splits an event into its stored type and JSON body. */
export function encodeEvent(event: AttemptEvent): StoredEvent {
  const { type, ...body } = event;
  return { type, body: JSON.stringify(body) };
}

/** Rebuilds an event from its stored type and body. */
export function decodeEvent(stored: StoredEvent): AttemptEvent {
  return { type: stored.type, ...(JSON.parse(stored.body) as object) } as AttemptEvent;
}
