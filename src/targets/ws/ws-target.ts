import { ConfigError } from '../../core/errors.js';
import type { Target, TargetRequest, TargetResponse } from '../../core/target.js';
import type { TargetContext } from '../context.js';
import { expandEnvReferences } from '../env-reference.js';
import { expandHeaders } from '../header-templates.js';
import { badResponseError, raceAbort, type FailureScope } from '../http-failure.js';
import { replyLimitBytes } from '../read-reply.js';
import { parseTargetOptions } from '../parse-target-options.js';
import { renderBodyTemplate, templatePlaceholders, type JsonValue } from '../http/body-template.js';
import { compileJsonPathOption } from '../http/json-path-option.js';
import { readJsonPath, type JsonPath } from '../http/json-path.js';
import { openWsConnection, type WsConnection } from './ws-connection.js';
import { createHeldConversations, type HeldConversations } from '../held-conversations.js';
import { wsTargetOptions, type WsTargetInput } from './ws-target-options.js';
import { scalarText, tryParseJson } from '../http/reply-text.js';

/** How a turn is sent and its reply read, fixed when the target is created. */
type WsPlan = {
  readonly dial: { readonly url: URL; readonly headers: Readonly<Record<string, string>>; readonly limitBytes: number; readonly scope: FailureScope };
  readonly template: JsonValue;
  readonly responsePath: JsonPath;
  /** Which message ends a reply that spans several; absent when the first message with text is the reply. */
  readonly until?: { readonly path: JsonPath; readonly equals: string | number | boolean | null };
  readonly conversations: HeldConversations<WsConnection>;
};

/** Creates a target that chats with an app over a WebSocket: one connection per conversation, closed on abort. */
export function createWsTarget(input: WsTargetInput, context: TargetContext): Target {
  const options = parseTargetOptions(wsTargetOptions, input, context);
  const expanded = expandEnvReferences(options.url, { context, path: 'target.url' });
  const url = URL.canParse(expanded.value) ? new URL(expanded.value) : undefined;
  if (url === undefined || (url.protocol !== 'ws:' && url.protocol !== 'wss:') || url.username || url.password) {
    throw new ConfigError('target.url must be a ws:// or wss:// URL without credentials', {
      file: context.configFile, path: 'target.url', hint: 'write e.g. wss://chat.example.com/socket; send credentials in a header that references an environment variable',
    });
  }
  const headers = expandHeaders(options.headers, context);
  const uses = templatePlaceholders(options.message);
  if (!uses.has('prompt') && !uses.has('messages')) {
    throw new ConfigError(`${context.configFile}: target.message: the message template holds neither {{prompt}} nor {{messages}}, so no attack would reach the app`, {
      file: context.configFile, path: 'target.message', hint: 'write e.g. message: { "text": "{{prompt}}" }',
    });
  }
  const id = options.id ?? `ws:${options.url.replace(/^wss?:\/\//i, '').split(/[?#]/)[0]}`;
  const plan: WsPlan = {
    dial: { url, headers: headers.value, limitBytes: replyLimitBytes, scope: { targetId: id, secrets: [...expanded.secrets, ...headers.secrets] } },
    template: options.message,
    responsePath: compileJsonPathOption(options.responsePath, { context, option: 'responsePath' }),
    ...(options.until === undefined ? {} : { until: { path: compileJsonPathOption(options.until.path, { context, option: 'until.path' }), equals: options.until.equals } }),
    // Enough open conversations for the run's concurrency, with room for those between turns.
    conversations: createHeldConversations<WsConnection>({ limit: Math.max(16, 4 * (context.connections ?? 16)), history: options.history }),
  };
  return {
    id,
    capabilities: { multiTurn: true, systemPrompt: uses.has('system'), documents: uses.has('document'), network: true },
    simulated: false,
    send: (request, signal) => raceAbort(plan.dial.scope, { promise: exchange(plan, { request, signal }), signal }),
    close: async () => plan.conversations.clear(),
  };
}

async function exchange(plan: WsPlan, call: { request: TargetRequest; signal: AbortSignal }): Promise<TargetResponse> {
  const { request, signal } = call;
  const turn = plan.conversations.begin(request);
  let connection: WsConnection | undefined = turn.connection;
  try {
    connection ??= await openWsConnection(plan.dial, signal);
    const rendered = renderBodyTemplate(plan.template, { request, messages: turn.messages });
    // A string template is the whole frame (plain-text protocols); anything else goes as JSON text.
    connection.send(typeof rendered === 'string' ? rendered : JSON.stringify(rendered));
    const text = await readReply(plan, { connection, signal });
    plan.conversations.settle(request, { connection, reply: text });
    return turn.restarted ? { text, metadata: { sessionRestarted: true } } : { text };
  } catch (error) {
    // A timeout, an abort or a failed turn leaves the connection in an unknown state: close it, start afresh.
    connection?.close();
    plan.conversations.drop(request);
    throw error;
  }
}

/** Reads messages until the reply is complete: the first with text, or (with `until`) the marked last one. */
async function readReply(plan: WsPlan, read: { connection: WsConnection; signal: AbortSignal }): Promise<string> {
  const { scope, limitBytes } = plan.dial;
  const pieces: string[] = [];
  let bytes = 0;
  for (;;) {
    const raw = await read.connection.next(read.signal);
    bytes += Buffer.byteLength(raw);
    if (bytes > limitBytes) throw badResponseError(scope, `reply larger than ${limitBytes / (1024 * 1024)} MiB`);
    const message = plan.responsePath.steps.length === 0 && plan.until === undefined ? undefined : tryParseJson(raw);
    // With `$`, a JSON object is a marker or metadata, not text; a message that is not JSON is text whole.
    const piece = plan.responsePath.steps.length === 0 ? (message === undefined ? raw : scalarText(message)) : scalarText(message === undefined ? undefined : readJsonPath(message, plan.responsePath));
    if (piece !== undefined) pieces.push(piece);
    if (plan.until === undefined) {
      if (piece !== undefined) return piece;
      continue;
    }
    if (message !== undefined && readJsonPath(message, plan.until.path) === plan.until.equals) return pieces.join('');
  }
}
