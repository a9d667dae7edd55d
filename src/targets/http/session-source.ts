import type { TargetContext } from '../context.js';
import { badResponseError, type FailureScope, type HeaderLookup } from '../http-failure.js';
import { parseJsonReply } from '../read-reply.js';
import { readJsonPath, type JsonPath } from './json-path.js';
import { compileJsonPathOption } from './json-path-option.js';

/** Where the app's reply carries its session id: a JSON path into the body, or a header. */
export type SessionSource =
  | { readonly kind: 'path'; readonly path: JsonPath }
  | { readonly kind: 'header'; readonly name: string };

/** A reply, as far as reading its session id goes. */
export type SessionReply = {
  /** The reply body as text. */
  readonly body: string;
  /** The reply headers. */
  readonly headers: HeaderLookup;
};

// The id goes back into URLs and headers: printable ASCII only, and short enough to be an id.
const usableId = /^[\x21-\x7e](?:[\x20-\x7e]{0,1022}[\x21-\x7e])?$/;

/** The session source the options name, if any (the schema allows at most one). */
export function sessionSourceFrom(
  options: { sessionPath?: string | undefined; sessionHeader?: string | undefined },
  context: TargetContext,
): SessionSource | undefined {
  if (options.sessionPath !== undefined) {
    return { kind: 'path', path: compileJsonPathOption(options.sessionPath, { context, option: 'sessionPath' }) };
  }
  return options.sessionHeader === undefined ? undefined : { kind: 'header', name: options.sessionHeader };
}

/** Names a source in messages: 'path $.session_id' or 'header x-session-id'. */
export function describeSessionSource(source: SessionSource): string {
  return source.kind === 'path' ? `path ${source.path.source}` : `header ${source.name}`;
}

/** The session id in `reply`, or undefined when it has none; 'bad-response' when the value there cannot be an id. */
export function readSessionId(source: SessionSource, read: { reply: SessionReply; scope: FailureScope }): string | undefined {
  const { reply, scope } = read;
  const value =
    source.kind === 'header' ? reply.headers.get(source.name) : readJsonPath(parseJsonReply(reply.body, scope), source.path);
  if (value === undefined || value === null || value === '') return undefined;
  const id = typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
  if (id === undefined || !usableId.test(id)) {
    throw badResponseError(scope, `session id at ${describeSessionSource(source)} is not a usable id (printable ASCII, at most 1024 characters)`);
  }
  return id;
}
