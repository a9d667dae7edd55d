import { badResponseError, type FailureScope } from '../http-failure.js';
import { parseJsonReply } from '../read-reply.js';
import { readJsonPath, type JsonPath } from './json-path.js';

/** The reply text at `path` in a reply body; '$' keeps a body that is not JSON whole. 'bad-response' when none. */
export function replyTextAt(body: string, at: { path: JsonPath; scope: FailureScope }): string {
  const { path, scope } = at;
  if (path.steps.length === 0) {
    // '$' means the whole reply: a JSON scalar is unwrapped, anything else is kept as text.
    const scalar = scalarText(tryParseJson(body));
    return scalar ?? body;
  }
  const value = readJsonPath(parseJsonReply(body, scope), path);
  if (value === undefined || value === null) throw badResponseError(scope, `no text at path ${path.source}`);
  const text = scalarText(value);
  if (text === undefined) {
    throw badResponseError(scope, `value at path ${path.source} is ${Array.isArray(value) ? 'an array' : 'an object'}, not text`);
  }
  return text;
}

/** A JSON scalar as text (a string, number or boolean); undefined for anything else. */
export function scalarText(value: unknown): string | undefined {
  const kind = typeof value;
  return kind === 'string' || kind === 'number' || kind === 'boolean' ? String(value) : undefined;
}

/** The text parsed as JSON, or undefined when it is not JSON. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
