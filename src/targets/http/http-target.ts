import type { Target, TargetRequest, TargetResponse } from '../../core/target.js';
import type { TargetContext } from '../context.js';
import { badResponseError, httpStatusError, raceAbort, transportError, type FailureScope } from '../http-failure.js';
import { ConfigError } from '../../core/errors.js';
import { defaultBodyTemplate, renderBodyTemplate, templatePlaceholders, type JsonValue } from './body-template.js';
import { createConversationSessions, oneOffTurn, type ConversationSessions } from './conversation-sessions.js';
import { expandEnvReferences } from '../env-reference.js';
import { expandHeaders } from '../header-templates.js';
import { targetTransport, type HttpTransport } from '../http-transport.js';
import { httpTargetOptions, type HttpTargetInput } from './http-target-options.js';
import { readJsonPath, type JsonPath } from './json-path.js';
import { compileJsonPathOption } from './json-path-option.js';
import { parseTargetOptions } from '../parse-target-options.js';
import { readReplyExcerpt, readReplyText, replyLimitBytes } from '../read-reply.js';
import { replyTextAt } from './reply-text.js';
import { createCookieJars, type CookieJars } from './cookie-jars.js';
import { bodyContentType, encodeBody, withQuery, type BodyFormat } from './request-encoding.js';
import { streamedReply, type StreamPlan } from './stream-reply.js';
import {
  compileSessionUrl,
  fillSessionHeaders,
  fillSessionUrl,
  splitSessionSlots,
  type SessionUrl,
  type SlottedText,
} from './session-slots.js';
import { describeSessionSource, readSessionId, sessionSourceFrom, type SessionSource } from './session-source.js';

// Conversations whose app session the target remembers; the least recently used is forgotten first.
const sessionLimit = 10_000;

/** How a request is sent, fixed when the target is created. */
type HttpPlan = {
  readonly url: SessionUrl;
  readonly method: string;
  readonly headers: Readonly<Record<string, SlottedText>>;
  /** The body template; absent for GET. */
  readonly template?: JsonValue;
  readonly bodyFormat: BodyFormat;
  /** Query parameter templates, added to the URL. */
  readonly query?: Readonly<Record<string, JsonValue>>;
  readonly responsePath: JsonPath;
  /** How a streamed reply is read; absent when the app answers in one body. */
  readonly stream?: StreamPlan;
  /** Cookies the app set, per conversation; absent when `cookies: false`. */
  readonly cookies?: CookieJars;
  readonly scope: FailureScope;
  /** The target's keep-alive connections; never follows a redirect. */
  readonly transport: HttpTransport;
  /** Where the app returns its session id, and the sessions it issued; absent for a stateless app. */
  readonly sessions?: { readonly source: SessionSource; readonly book: ConversationSessions };
};

/** Creates a target that sends a templated body (or query) and reads the reply text at `responsePath`, whole or streamed. */
export function createHttpTarget(input: HttpTargetInput, context: TargetContext): Target {
  const options = parseTargetOptions(httpTargetOptions, input, context);
  const where = { context, path: 'target.url' };
  const expandedUrl = expandEnvReferences(options.url, where);
  const url = compileSessionUrl(expandedUrl.value, where);
  const headers = expandHeaders(options.headers, context);
  // The id is built from the URL as written: `${TOKEN}` in a path stays a reference, never the secret's value.
  const id = options.id ?? `http:${options.url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[?#]/)[0]}`;
  const hasContentType = Object.keys(headers.value).some((name) => name.toLowerCase() === 'content-type');
  const source = sessionSourceFrom(options, context);
  const template = options.method === 'GET' ? undefined : (options.body ?? defaultBodyTemplate);
  const uses = templatePlaceholders([template ?? null, options.query ?? null]);
  // A body that carries neither the user turn nor the conversation would send the same fixed text for every attack.
  if (!uses.has('prompt') && !uses.has('messages')) {
    const where = template === undefined ? 'target.query' : 'target.body';
    throw new ConfigError(`${context.configFile}: ${where}: the ${template === undefined ? 'query' : 'body template'} holds neither {{prompt}} nor {{messages}}, so no attack would reach the app`, {
      file: context.configFile, path: where, hint: 'put "{{prompt}}" (the user turn) or "{{messages}}" (the whole conversation) where the app reads the user input',
    });
  }
  const plan: HttpPlan = {
    url,
    method: options.method,
    headers: Object.fromEntries(
      Object.entries(hasContentType || template === undefined ? headers.value : { 'content-type': bodyContentType[options.bodyFormat ?? 'json'], ...headers.value }).map(
        ([name, value]) => [name, splitSessionSlots(value)],
      ),
    ),
    ...(template === undefined ? {} : { template }),
    bodyFormat: options.bodyFormat ?? 'json',
    ...(options.query === undefined ? {} : { query: options.query }),
    responsePath: compileJsonPathOption(options.responsePath, { context, option: 'responsePath' }),
    ...(options.stream === undefined ? {} : {
      stream: {
        textPath: compileJsonPathOption(options.stream.textPath, { context, option: 'stream.textPath' }),
        ...(options.stream.done === undefined ? {} : { done: options.stream.done }),
      },
    }),
    ...(options.cookies !== false ? { cookies: createCookieJars({ limit: sessionLimit }) } : {}),
    scope: { targetId: id, secrets: [...expandedUrl.secrets, ...headers.secrets] },
    transport: targetTransport(context),
    ...(source ? { sessions: { source, book: createConversationSessions({ history: options.history, limit: sessionLimit }) } } : {}),
  };
  return {
    id,
    // What the app can receive follows from the body: the conversation only through {{messages}} or an app session
    // that keeps it, documents only through {{document}}, a system prompt only through {{system}}.
    capabilities: { multiTurn: uses.has('messages') || source !== undefined, systemPrompt: uses.has('system'), documents: uses.has('document'), network: true },
    simulated: false,
    send: (request, signal) => raceAbort(plan.scope, { promise: exchange(plan, { request, signal }), signal }),
    close: async () => {
      plan.sessions?.book.clear();
      plan.cookies?.clear();
      await plan.transport.close();
    },
  };
}

async function exchange(plan: HttpPlan, call: { request: TargetRequest; signal: AbortSignal }): Promise<TargetResponse> {
  const { scope, sessions } = plan;
  const { request } = call;
  const turn = sessions?.book.begin(request) ?? oneOffTurn(request);
  const fill = { request, messages: turn.messages, session: turn.session };
  const headers = fillSessionHeaders(plan.headers, turn.session);
  const conversation = request.conversationId;
  const cookie = conversation === undefined ? undefined : plan.cookies?.header(conversation);
  if (cookie !== undefined) headers['cookie'] = headers['cookie'] === undefined ? cookie : `${headers['cookie']}; ${cookie}`;
  const query = plan.query === undefined ? undefined : (renderBodyTemplate(plan.query, fill) as Record<string, JsonValue>);
  const response = await plan.transport.fetch(withQuery(fillSessionUrl(plan.url, turn.session), query), {
    method: plan.method,
    headers,
    ...(plan.template === undefined ? {} : { body: encodeBody(renderBodyTemplate(plan.template, fill), plan.bodyFormat) }),
    // The transport never follows a redirect: it would carry our headers (tokens included) to wherever it points.
    signal: call.signal,
  }).catch((error: unknown) => {
    throw transportError(scope, error);
  });
  if (!response.ok) {
    const body = await readReplyExcerpt(response);
    throw httpStatusError(scope, { status: response.status, headers: response.headers, body, nowMs: Date.now() });
  }
  // A streamed reply is read whole too, under the same size cap and abort signal, then its events are joined.
  const body = await readReplyText(response, { scope, limitBytes: replyLimitBytes });
  const streamed = plan.stream === undefined ? undefined : streamedReply(body, { plan: plan.stream, scope });
  const text = streamed?.text ?? replyTextAt(body, { path: plan.responsePath, scope });
  // A one-off request has no conversation to continue: whatever id or cookie the app sent is not needed.
  if (conversation !== undefined) plan.cookies?.store(conversation, response.headers.getSetCookie(), Date.now());
  if (sessions !== undefined && conversation !== undefined) {
    const sessionBody = streamed === undefined ? body : sessionEvent(streamed.events, sessions.source);
    const issued = readSessionId(sessions.source, { reply: { body: sessionBody, headers: response.headers }, scope });
    if (issued === undefined && turn.needsSession) {
      throw badResponseError(scope, `no session id at ${describeSessionSource(sessions.source)} in the app's first reply`);
    }
    sessions.book.settle(request, { turn, issued, reply: text });
  }
  return turn.restarted ? { text, metadata: { sessionRestarted: true } } : { text };
}

/** The first streamed event that carries a session id at the source's path, as JSON text ('{}' when none does). */
function sessionEvent(events: readonly unknown[], source: SessionSource): string {
  if (source.kind !== 'path') return '{}';
  const found = events.find((event) => event !== undefined && readJsonPath(event, source.path) !== undefined);
  return found === undefined ? '{}' : JSON.stringify(found);
}
