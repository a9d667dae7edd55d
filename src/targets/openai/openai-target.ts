import { z } from 'zod';
import type { Message, Role, ToolCallPart, ToolResultPart } from '../../core/message.js';
import { ConfigError } from '../../core/errors.js';
import { toolTargetIdSuffix } from '../../core/tool-target-id.js';
import { DEFAULT_MAX_STEPS, runToolLoop } from '../../agents/tool-loop.js';
import { environmentRegistry } from '../../agents/registry.js';
import type { EnvironmentDescriptor } from '../../agents/environment.js';
import type { Target, TargetRequest, TargetResponse } from '../../core/target.js';
import type { TargetContext } from '../context.js';
import { httpStatusError, raceAbort, transportError, type FailureScope, type HeaderLookup } from '../http-failure.js';
import { readEnv } from '../env-reference.js';
import { expandHeaders, headerTemplatesOption } from '../header-templates.js';
import { targetTransport, type HttpTransport, type RawReply } from '../http-transport.js';
import { parseTargetOptions, parseTargetUrl } from '../parse-target-options.js';
import { parseJsonReply, rawReplyText, replyLimitBytes } from '../read-reply.js';
import { chatCompletionReply, promptFilterCategories } from './chat-reply.js';
import { chatStreamReply } from './chat-stream.js';

const reservedBodyKeys = ['model', 'messages', 'stream'];
// Local servers (Ollama, vLLM, llama.cpp) ignore the key; some proxies refuse a request without one (the SDK's choice).
const placeholderKey = 'redline-no-key';

/** Options of an OpenAI-compatible Chat Completions endpoint (OpenAI, Azure-style proxies, Ollama, vLLM…). */
export const openAiTargetOptions = z
  .object({
    type: z.literal('openai'),
    baseUrl: z.string().min(1).default('https://api.openai.com/v1').describe('API base URL, e.g. http://127.0.0.1:11434/v1'),
    model: z.string().min(1).describe('Model name sent with each request'),
    systemPrompt: z.string().optional().describe('System prompt sent before the conversation'),
    temperature: z.number().min(0).max(2).optional().describe('Sampling temperature'),
    maxTokens: z.number().int().positive().optional().describe('Most tokens per answer (max_tokens)'),
    apiKeyEnv: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'must be the NAME of the environment variable holding the key, not the key')
      .optional()
      .describe('NAME of the environment variable holding the API key; none for local servers'),
    headers: headerTemplatesOption.optional(),
    // No .default(): it would enter every stored configuration and change the target's hash (see http-target-options).
    stream: z
      .boolean()
      .optional()
      .describe('(default false) Ask for a streamed reply (server-sent events) with usage in its last chunk; the joined reply is recorded'),
    tools: z
      .strictObject({
        environment: z.string().min(1).describe('The simulated environment whose tools the model is offered (`workspace`, `banking` or `support-desk`)'),
        vector: z.string().min(1).optional().describe('Where planted documents land in it (workspace: email, file or web-page; banking: transaction-reference, notice or statement; support-desk: ticket or kb-article; default its first)'),
        maxSteps: z.number().int().min(1).max(50).default(DEFAULT_MAX_STEPS).describe('Most tool-calling rounds per request'),
      })
      .optional()
      .describe('Make the endpoint a tool-using app: Redline offers the environment\'s tools, runs each call against a fresh simulated state per request (planted documents at its injection vector), and loops to the final answer; every call and result is recorded'),
    documents: z
      .enum(['user', 'system'])
      .optional()
      .describe('(default: none taken) Emulate an application that retrieves documents: planted documents (indirect injection) are sent in the last user turn after its text (`user`), or in a system message after the system prompt (`system`), each headed "Document N:"'),
    extraBody: z
      .record(z.string(), z.json())
      .refine((body) => reservedBodyKeys.every((key) => !(key in body)), 'must not set model, messages or stream')
      .optional()
      .describe('Extra fields merged into each request body, e.g. {"seed": 7}'),
  })
  .strict();

/** Parsed options of an OpenAI-compatible target. */
export type OpenAiTargetOptions = z.infer<typeof openAiTargetOptions>;

/** Options of an OpenAI-compatible target as written, before defaults are filled in. */
export type OpenAiTargetInput = z.input<typeof openAiTargetOptions>;

/** Everything a call needs, fixed when the target is created: the URL, headers and the body's fixed fields. */
type ChatPlan = {
  readonly transport: HttpTransport;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly options: OpenAiTargetOptions;
  /** The configured system prompt as a message, or none. */
  readonly system: readonly Record<string, unknown>[];
  readonly scope: FailureScope;
};

/**
 * Creates a target that talks to an OpenAI-compatible Chat Completions API. The request is the one the official SDK
 * sends (its test checks body and headers against the SDK's), built here once per run and sent through the target's
 * pooled transport; the reply is read as one buffer (decision 041).
 */
export function createOpenAiTarget(input: OpenAiTargetInput, context: TargetContext): Target {
  const options = parseTargetOptions(openAiTargetOptions, input, context);
  const baseUrl = parseTargetUrl(options.baseUrl, { context, path: 'target.baseUrl' });
  const apiKey = options.apiKeyEnv ? readEnv(options.apiKeyEnv, { context, path: 'target.apiKeyEnv' }) : undefined;
  const headers = expandHeaders(options.headers, context);
  const agent = options.tools === undefined ? undefined : agentOf(options.tools, context);
  // A tool-using app is another application than the bare endpoint: its id says so (and reports tag its findings).
  const id = `openai:${options.model}@${baseUrl.host}${agent === undefined ? '' : toolTargetIdSuffix({ environment: agent.environment.id, vector: agent.vector })}`;
  // The pooled transport never follows a redirect, which would carry the key and headers to wherever it points: a
  // 3xx is reported as an HTTP error.
  const transport = targetTransport(context);
  const plan: ChatPlan = {
    transport,
    url: chatCompletionsUrl(options.baseUrl),
    headers: requestHeaders(apiKey, headers.value),
    options,
    system: options.systemPrompt === undefined ? [] : [{ role: 'system', content: options.systemPrompt }],
    scope: { targetId: id, secrets: [...(apiKey ? [apiKey] : []), ...headers.secrets] },
  };
  return {
    id,
    capabilities: { multiTurn: true, systemPrompt: true, documents: options.documents !== undefined || options.tools !== undefined, network: true },
    simulated: false,
    send: (request, signal) => raceAbort(plan.scope, { promise: agent === undefined ? complete(plan, { messages: withDocuments(request, options.documents), signal }) : runAgent(plan, agent, { request, signal }), signal }),
    close: () => transport.close(),
  };
}

/** The request's messages as the endpoint gets them, with planted documents where the application would put them. */
function withDocuments(request: TargetRequest, where: 'user' | 'system' | undefined): Record<string, unknown>[] {
  const messages: { role: Role; content: string }[] = request.messages.map(({ role, content }) => ({ role, content }));
  const documents = request.documents ?? [];
  if (where === undefined || documents.length === 0) return messages;
  const block = documents.map((d, i) => `Document ${i + 1}:\n${d}`).join('\n\n');
  if (where === 'system') {
    const firstOther = messages.findIndex((m) => m.role !== 'system');
    const at = firstOther === -1 ? messages.length : firstOther;
    return [...messages.slice(0, at), { role: 'system', content: block }, ...messages.slice(at)];
  }
  const last = messages.map((m) => m.role).lastIndexOf('user');
  if (last === -1) return [...messages, { role: 'user', content: block }];
  return messages.map((m, i) => (i === last ? { ...m, content: `${m.content}\n\n${block}` } : m));
}

/** The environment a tool-using endpoint runs against, checked when the target is built. */
type Agent = { readonly environment: EnvironmentDescriptor; readonly vector: string; readonly maxSteps: number };

function agentOf(tools: NonNullable<OpenAiTargetOptions['tools']>, context: TargetContext): Agent {
  const environment = environmentRegistry.find(tools.environment);
  if (environment === undefined) {
    throw new ConfigError(`${context.configFile}: target.tools.environment: unknown environment '${tools.environment}'`, { file: context.configFile, path: 'target.tools.environment', hint: `use one of: ${environmentRegistry.map((e) => e.id).join(', ')}` });
  }
  const vector = tools.vector ?? environment.vectors[0]!;
  if (!environment.vectors.includes(vector)) {
    throw new ConfigError(`${context.configFile}: target.tools.vector: '${vector}' is not a vector of ${environment.id}`, { file: context.configFile, path: 'target.tools.vector', hint: `use one of: ${environment.vectors.join(', ')}` });
  }
  return { environment, vector, maxSteps: tools.maxSteps };
}

/** One request as a tool-using app: a fresh world with the planted documents, then the tool-calling loop to the final answer. */
function runAgent(plan: ChatPlan, agent: Agent, call: { request: TargetRequest; signal: AbortSignal }): Promise<TargetResponse> {
  const world = agent.environment.create(agent.environment.options.parse({ id: agent.environment.id }), { documents: call.request.documents ?? [], vector: agent.vector });
  const tools = world.tools.map((t) => ({ type: 'function' as const, function: { name: t.name, description: t.description, parameters: t.parameters } }));
  return runToolLoop({
    world, maxSteps: agent.maxSteps, messages: call.request.messages,
    complete: (messages) => complete(plan, { messages: messages.map(wireMessage), tools, signal: call.signal }),
  });
}

/** A message in the Chat Completions wire format: tool calls on an assistant turn, a tool result as a `tool` turn. */
function wireMessage(message: Message): Record<string, unknown> {
  const calls = (message.parts ?? []).filter((p): p is ToolCallPart => p.type === 'tool-call');
  if (message.role === 'assistant' && calls.length > 0) {
    return { role: 'assistant', content: message.content === '' ? null : message.content, tool_calls: calls.map((c) => ({ id: c.callId, type: 'function', function: { name: c.name, arguments: c.arguments } })) };
  }
  const result = message.parts?.find((p): p is ToolResultPart => p.type === 'tool-result');
  if (message.role === 'tool' && result !== undefined) return { role: 'tool', tool_call_id: result.callId, content: result.text };
  return { role: message.role, content: message.content };
}

/** `{baseUrl}/chat/completions` with one slash between, as the SDK joins a base with or without its trailing slash (of several, it would keep all but one). */
export function chatCompletionsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/chat/completions`;
}

/**
 * The headers of every request: JSON both ways, the key as a bearer token (a placeholder when none is configured),
 * then the configured headers by lower-case name, which win as they do with the SDK's defaultHeaders.
 */
export function requestHeaders(apiKey: string | undefined, configured: Readonly<Record<string, string>>): Record<string, string> {
  const headers: Record<string, string> = {
    accept: 'application/json', 'content-type': 'application/json', 'user-agent': 'redline', authorization: `Bearer ${apiKey ?? placeholderKey}`,
  };
  for (const [name, value] of Object.entries(configured)) headers[name.toLowerCase()] = value;
  return headers;
}

async function complete(plan: ChatPlan, call: { messages: readonly Record<string, unknown>[]; tools?: readonly Record<string, unknown>[]; signal: AbortSignal }): Promise<TargetResponse> {
  const { options, scope } = plan;
  const body = {
    ...options.extraBody,
    model: options.model,
    messages: plan.system.length === 0 ? call.messages : [...plan.system, ...call.messages],
    ...(call.tools === undefined ? {} : { tools: call.tools }),
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    ...(options.maxTokens === undefined ? {} : { max_tokens: options.maxTokens }),
    // Usage comes in a last chunk only when asked for; extraBody.stream_options overrides this for servers that refuse it.
    ...(options.stream === true ? { stream: true, stream_options: { include_usage: true, ...(options.extraBody?.['stream_options'] as object | undefined) } } : {}),
  };
  const reply = await plan.transport
    .send({ url: plan.url, method: 'POST', headers: plan.headers, body: JSON.stringify(body), signal: call.signal })
    .catch((error: unknown) => {
      throw transportError(scope, error);
    });
  // The size cap holds for error replies too; a reply over it is a bad response whatever its status.
  const text = rawReplyText(reply, { scope, limitBytes: replyLimitBytes });
  if (reply.status < 200 || reply.status > 299) {
    const blocked = promptFilterReply(reply.status, text);
    if (blocked !== undefined) return blocked;
    throw statusFailure(scope, reply, text);
  }
  // A stream is read whole, under the same size cap and abort signal: a reply cut short fails, it is never scored.
  return options.stream === true ? chatStreamReply(text, scope) : chatCompletionReply(parseJsonReply(text, scope), scope);
}

/**
 * Azure OpenAI answers a prompt its content filter blocks with HTTP 400 and `error.code: content_filter`: that is the
 * application refusing, not a failure to reach it, so it becomes an empty reply flagged by the filter (with the
 * categories it named) instead of an error that would count against the error budget.
 */
function promptFilterReply(status: number, text: string): TargetResponse | undefined {
  if (status !== 400) return undefined;
  const body = errorField(text) as { code?: unknown; innererror?: { content_filter_result?: unknown } } | undefined;
  if (body?.code !== 'content_filter') return undefined;
  const categories = promptFilterCategories(body.innererror?.content_filter_result);
  return { text: '', metadata: { finishReason: 'content_filter', contentFilter: categories.length > 0 ? categories.join(',') : true } };
}

/** A non-2xx reply as a TargetError: the body's `error` field quoted when it is JSON with one, else the body's start. */
function statusFailure(scope: FailureScope, reply: RawReply, text: string): Error {
  const error = errorField(text);
  return httpStatusError(scope, { status: reply.status, headers: headerLookup(reply), body: error === undefined ? text : JSON.stringify(error), nowMs: Date.now() });
}

/** The `error` field of a JSON error body, or undefined when the body is not JSON or has none. */
function errorField(text: string): unknown {
  try {
    const parsed = JSON.parse(text) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as { error?: unknown }).error : undefined;
  } catch {
    return undefined;
  }
}

function headerLookup(reply: RawReply): HeaderLookup {
  return {
    get: (name) => {
      const value = reply.headers[name.toLowerCase()];
      return (Array.isArray(value) ? value[0] : value) ?? null;
    },
  };
}
