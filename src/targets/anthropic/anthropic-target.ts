import type { Anthropic as AnthropicClient } from '@anthropic-ai/sdk';
import { z } from 'zod';
import type { Target, TargetRequest, TargetResponse } from '../../core/target.js';
import { chatTurns } from '../chat-turns.js';
import type { TargetContext } from '../context.js';
import { readEnv } from '../env-reference.js';
import { httpStatusError, raceAbort, transportError, type FailureScope } from '../http-failure.js';
import { targetTransport, type HttpTransport } from '../http-transport.js';
import { lazySdk, requireInstalled, type OptionalSdk } from '../optional-sdk.js';
import { parseTargetOptions, parseTargetUrl } from '../parse-target-options.js';
import { parseJsonReply, readReplyText, replyLimitBytes } from '../read-reply.js';
import { envNameOption } from '../env-name-option.js';
import { messagesReply } from './messages-reply.js';

// The official SDK, an optional dependency loaded when an `anthropic` target first sends. Not exported: its type
// names the package, and Redline's own declarations must not need it installed.
const anthropicSdk: OptionalSdk<typeof import('@anthropic-ai/sdk')> = {
  packageName: '@anthropic-ai/sdk',
  load: () => import('@anthropic-ai/sdk'),
};

// A proxy in front of the API may need no key, but the SDK would then look for one on disk: give it a stand-in.
const placeholderKey = 'redline-no-key';
// The engine owns timeouts; this only keeps the SDK's own 10-minute default out of the way.
const sdkTimeoutMs = 24 * 60 * 60 * 1000;
// The Messages API requires max_tokens; a refusal or a leak shows within this many.
const defaultMaxTokens = 1024;

/** Options of an Anthropic Messages API target (Claude), through the official SDK. */
export const anthropicTargetOptions = z
  .object({
    type: z.literal('anthropic'),
    model: z.string().min(1).describe('Model name, e.g. claude-sonnet-4-5'),
    systemPrompt: z.string().optional().describe('System prompt (the top-level `system` field)'),
    temperature: z.number().min(0).max(1).optional().describe('Sampling temperature (0 to 1)'),
    maxTokens: z.number().int().positive().default(defaultMaxTokens).describe('Most tokens per answer (max_tokens, required by the API)'),
    apiKeyEnv: envNameOption.optional().describe('NAME of the environment variable holding the API key, e.g. ANTHROPIC_API_KEY'),
    baseUrl: z.string().min(1).default('https://api.anthropic.com').describe('API base URL (a gateway or proxy); requests go to <baseUrl>/v1/messages'),
  })
  .strict();

/** Parsed options of an Anthropic target. */
export type AnthropicTargetOptions = z.infer<typeof anthropicTargetOptions>;

/** Options of an Anthropic target as written, before defaults are filled in. */
export type AnthropicTargetInput = z.input<typeof anthropicTargetOptions>;

/** Everything a call needs, fixed when the target is created. */
type MessagesPlan = {
  readonly client: () => Promise<AnthropicClient>;
  readonly options: AnthropicTargetOptions;
  readonly scope: FailureScope;
};

/** Creates a target that talks to the Anthropic Messages API through the official SDK (installed on demand). */
export function createAnthropicTarget(input: AnthropicTargetInput, context: TargetContext): Target {
  const options = parseTargetOptions(anthropicTargetOptions, input, context);
  const baseUrl = parseTargetUrl(options.baseUrl, { context, path: 'target.baseUrl' });
  const apiKey = options.apiKeyEnv ? readEnv(options.apiKeyEnv, { context, path: 'target.apiKeyEnv' }) : undefined;
  requireInstalled(anthropicSdk, context);
  const id = `anthropic:${options.model}@${baseUrl.host}`;
  const transport = targetTransport(context);
  const load = lazySdk(anthropicSdk, context);
  let client: Promise<AnthropicClient> | undefined;
  const plan: MessagesPlan = {
    client: () => (client ??= load().then((sdk) => newClient(sdk.Anthropic, { options, apiKey, transport }))),
    options,
    scope: { targetId: id, secrets: apiKey ? [apiKey] : [] },
  };
  return {
    id,
    capabilities: { multiTurn: true, systemPrompt: true, documents: false, network: true },
    simulated: false,
    send: (request, signal) => raceAbort(plan.scope, { promise: complete(plan, { request, signal }), signal }),
    close: () => transport.close(),
  };
}

function newClient(
  Anthropic: typeof AnthropicClient,
  input: { options: AnthropicTargetOptions; apiKey: string | undefined; transport: HttpTransport },
): AnthropicClient {
  // Every setting the SDK would otherwise read from process.env or disk is passed (only the CLI reads the
  // environment); retries are off because the engine retries; the pooled transport never follows a redirect.
  return new Anthropic({
    baseURL: input.options.baseUrl,
    apiKey: input.apiKey ?? placeholderKey,
    authToken: null,
    webhookKey: null,
    maxRetries: 0,
    timeout: sdkTimeoutMs,
    logLevel: 'off',
    openTelemetry: false,
    fetch: input.transport.fetch,
  });
}

async function complete(plan: MessagesPlan, call: { request: TargetRequest; signal: AbortSignal }): Promise<TargetResponse> {
  const { options, scope } = plan;
  const { system, turns } = chatTurns(call.request, options.systemPrompt);
  const body = {
    model: options.model,
    max_tokens: options.maxTokens,
    ...(system.length === 0 ? {} : { system: system.join('\n\n') }),
    messages: turns.map((turn) => ({ role: turn.role, content: turn.text })),
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
  };
  const client = await plan.client();
  // asResponse() hands back the raw reply, so its size is capped and its faults are named like the http target's.
  const response = await client.messages
    .create(body, { signal: call.signal })
    .asResponse()
    .catch((error: unknown) => {
      throw sdkFailure(scope, error);
    });
  const text = await readReplyText(response, { scope, limitBytes: replyLimitBytes });
  return messagesReply(parseJsonReply(text, scope), scope);
}

/** What an SDK call rejected with, as a TargetError: statuses by the shared rules (529 'overloaded' is a 5xx). */
function sdkFailure(scope: FailureScope, caught: unknown): Error {
  // The SDK's APIError carries the status; its connection errors (and anything else) have none.
  const error = caught as { status?: unknown; headers?: Headers; error?: unknown; message?: unknown } | undefined;
  if (typeof error?.status !== 'number') return transportError(scope, caught);
  // The SDK keeps the body's `error` field; quote that, not its message, which repeats the status.
  const body = error.error === undefined ? String(error.message ?? '').replace(/^\d{3} /, '') : JSON.stringify(error.error);
  return httpStatusError(scope, { status: error.status, ...(error.headers ? { headers: error.headers } : {}), body, nowMs: Date.now() });
}
