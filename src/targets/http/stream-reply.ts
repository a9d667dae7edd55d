import { badResponseError, type FailureScope } from '../http-failure.js';
import { parseSseEvents, truncatedStreamError } from '../sse-events.js';
import { readJsonPath, type JsonPath } from './json-path.js';
import { scalarText, tryParseJson } from './reply-text.js';

/** How an app streams its reply: server-sent events, each carrying a piece of the text at `textPath`. */
export type StreamPlan = {
  /** Where each event's piece of text is; `$` takes an event's whole data. */
  readonly textPath: JsonPath;
  /** The data of the event that ends the reply (e.g. '[DONE]'); when set, a stream without it broke off. */
  readonly done?: string;
};

/** A streamed reply: its joined text, and the JSON of each event (where a session id may be read). */
export type StreamedReply = {
  /** The pieces of text, joined in order. */
  readonly text: string;
  /** Each event's data parsed as JSON (undefined where it is not JSON). */
  readonly events: readonly unknown[];
};

/**
 * Joins the text of an SSE reply. Events without text at the path (keep-alives, metadata) are skipped; a stream that
 * stops inside an event, or lacks the `done` event, broke off: a retryable network failure, never a partial reply.
 */
export function streamedReply(body: string, at: { plan: StreamPlan; scope: FailureScope }): StreamedReply {
  const { plan, scope } = at;
  const stream = parseSseEvents(body);
  const doneAt = plan.done === undefined ? -1 : stream.events.findIndex((event) => event.data.trim() === plan.done);
  if (plan.done !== undefined && doneAt < 0) throw truncatedStreamError(scope, `no data: ${plan.done} after ${stream.events.length} events`);
  if (!stream.complete && doneAt < 0) throw truncatedStreamError(scope, 'it ended inside an event');
  const events = (doneAt < 0 ? stream.events : stream.events.slice(0, doneAt)).map((event) => event.data);
  const parsed = events.map(tryParseJson);
  const pieces: string[] = [];
  events.forEach((data, index) => {
    if (plan.textPath.steps.length === 0) return void pieces.push(scalarText(parsed[index]) ?? data);
    const piece = scalarText(parsed[index] === undefined ? undefined : readJsonPath(parsed[index], plan.textPath));
    if (piece !== undefined) pieces.push(piece);
  });
  if (pieces.length === 0 && events.length > 0) throw badResponseError(scope, `no stream event has text at path ${plan.textPath.source}`);
  return { text: pieces.join(''), events: parsed };
}
