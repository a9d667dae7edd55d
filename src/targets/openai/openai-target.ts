import OpenAI, { APIError } from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { Message, Role, ToolCallPart, ToolResultPart } from '../../core/message.js';
import { ConfigError } from '../../core/errors.js';
import { toolTargetIdSuffix } from '../../core/tool-target-id.js';
import { DEFAULT_MAX_STEPS, runToolLoop } from '../../agents/tool-loop.js';
import { environmentRegistry } from '../../agents/registry.js';
import type { EnvironmentDescriptor } from '../../agents/environment.js';
import type { Target, TargetRequest, TargetResponse } from '../../core/target.js';
import type { TargetContext } from '../context.js';
import { httpStatusError, raceAbort, transportError, type FailureScope } from '../http-failure.js';
import { readEnv } from '../env-reference.js';
import { expandHeaders, headerTemplatesOption } from '../header-templates.js';
import { targetTransport, type HttpTransport } from '../http-transport.js';
import { parseTargetOptions, parseTargetUrl } from '../parse-target-options.js';
import { parseJsonReply, readReplyText, replyLimitBytes } from '../read-reply.js';
import { chatCompletionReply, promptFilterCategories } from './chat-reply.js';
import { chatStreamReply } from './chat-stream.js';

const reservedBodyKeys = ['model', 'messages', 'stream'];
// Local servers (Ollama, vLLM, llama.cpp) ignore the key, but the SDK insists on one.
const placeholderKey = 'redline-no-key';
// The engine owns timeouts; this only keeps the SDK's own 10-minute default out of the way.
const sdkTimeoutMs = 24 * 60 * 60 * 1000;

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

/** Everything a call needs, fixed when the target is created. */
type ChatPlan = { readonly client: OpenAI; readonly transport: HttpTransport; readonly options: OpenAiTargetOptions; readonly scope: FailureScope };

/** Creates a target that talks to an OpenAI-compatible Chat Completions API through the official SDK. */
export function createOpenAiTarget(input: OpenAiTargetInput, context: TargetContext): Target {
  const options = parseTargetOptions(openAiTargetOptions, input, context);
  const baseUrl = parseTargetUrl(options.baseUrl, { context, path: 'target.baseUrl' });
  const apiKey = options.apiKeyEnv ? readEnv(options.apiKeyEnv, { context, path: 'target.apiKeyEnv' }) : undefined;
  const headers = expandHeaders(options.headers, context);
  const agent = options.tools === undefined ? undefined : agentOf(options.tools, context);
  // A tool-using app is another application than the bare endpoint: its id says so (and reports tag its findings).
  const id = `openai:${options.model}@${baseUrl.host}${agent === undefined ? '' : toolTargetIdSuffix({ environment: agent.environment.id, vector: agent.vector })}`;
  // The SDK builds requests and reads errors; a pooled transport sends them (it never follows a redirect, which would
  // carry the key and headers to wherever it points: a 3xx is reported as an HTTP error).
  const transport = targetTransport(context);
  const client = new OpenAI({
    baseURL: options.baseUrl,
    apiKey: apiKey ?? placeholderKey,
    maxRetries: 0,
    timeout: sdkTimeoutMs,
    defaultHeaders: headers.value,
    // Pass these explicitly so the SDK reads nothing from process.env (only the CLI reads the environment).
    organization: null,
    project: null,
    logLevel: 'off',
    fetch: transport.fetch,
  });
  const plan: ChatPlan = {
    client,
    transport,
    options,
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

async function complete(plan: ChatPlan, call: { messages: readonly Record<string, unknown>[]; tools?: readonly Record<string, unknown>[]; signal: AbortSignal }): Promise<TargetResponse> {
  const { options, scope } = plan;
  const system = options.systemPrompt === undefined ? [] : [{ role: 'system' as const, content: options.systemPrompt }];
  const body = {
    ...options.extraBody,
    model: options.model,
    messages: [...system, ...call.messages],
    ...(call.tools === undefined ? {} : { tools: call.tools }),
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    ...(options.maxTokens === undefined ? {} : { max_tokens: options.maxTokens }),
    // Usage comes in a last chunk only when asked for; extraBody.stream_options overrides this for servers that refuse it.
    ...(options.stream === true ? { stream: true, stream_options: { include_usage: true, ...(options.extraBody?.['stream_options'] as object | undefined) } } : {}),
  } as ChatCompletionCreateParamsNonStreaming;
  // asResponse() hands back the raw reply, so its size is capped and its faults are named like the http target's.
  const response = await plan.client.chat.completions
    .create(body, { signal: call.signal })
    .asResponse()
    .catch((error: unknown) => {
      const blocked = promptFilterReply(error);
      if (blocked !== undefined) return blocked;
      throw sdkFailure(scope, error);
    });
  if (!(response instanceof Response)) return response;
  // A stream is read whole, under the same size cap and abort signal: a reply cut short fails, it is never scored.
  const text = await readReplyText(response, { scope, limitBytes: replyLimitBytes });
  return options.stream === true ? chatStreamReply(text, scope) : chatCompletionReply(parseJsonReply(text, scope), scope);
}

/**
 * Azure OpenAI answers a prompt its content filter blocks with HTTP 400 and `error.code: content_filter`: that is the
 * application refusing, not a failure to reach it, so it becomes an empty reply flagged by the filter (with the
 * categories it named) instead of an error that would count against the error budget.
 */
function promptFilterReply(error: unknown): TargetResponse | undefined {
  if (!(error instanceof APIError) || error.status !== 400) return undefined;
  const body = error.error as { code?: unknown; innererror?: { content_filter_result?: unknown } } | undefined;
  if (body?.code !== 'content_filter') return undefined;
  const categories = promptFilterCategories(body.innererror?.content_filter_result);
  return { text: '', metadata: { finishReason: 'content_filter', contentFilter: categories.length > 0 ? categories.join(',') : true } };
}

function sdkFailure(scope: FailureScope, error: unknown): Error {
  if (!(error instanceof APIError) || typeof error.status !== 'number') return transportError(scope, error);
  // The SDK keeps the body's `error` field; quote that, not its message, which repeats the status.
  const body =
    error.error === undefined
      ? error.message.replace(/^\d{3} /, '').replace(/^status code \(no body\)$/, '')
      : JSON.stringify(error.error);
  return httpStatusError(scope, { status: error.status, headers: error.headers, body, nowMs: Date.now() });
}
