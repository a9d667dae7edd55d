import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { z } from 'zod';
import type { Target, TargetRequest, TargetResponse } from '../../core/target.js';
import { chatTurns } from '../chat-turns.js';
import type { TargetContext } from '../context.js';
import { envNameOption } from '../env-name-option.js';
import { readEnv } from '../env-reference.js';
import { httpStatusError, raceAbort, transportError, type FailureScope } from '../http-failure.js';
import { targetTransport } from '../http-transport.js';
import { lazySdk, requireInstalled } from '../optional-sdk.js';
import { parseTargetOptions, parseTargetUrl } from '../parse-target-options.js';
import { converseReply } from './converse-reply.js';
import { transportHandler, type SmithyHandler } from './transport-handler.js';

// The official SDK, an optional dependency loaded when a `bedrock` target first sends. Not exported: its type names
// the package, and Redline's own declarations must not need it installed.
const bedrockSdk = { packageName: '@aws-sdk/client-bedrock-runtime', load: () => import('@aws-sdk/client-bedrock-runtime') };

// An endpoint in front of Bedrock may check no signature; the SDK still signs, so it gets stand-in credentials.
const placeholderCredentials = { accessKeyId: 'redline-no-key', secretAccessKey: 'redline-no-secret' };

/** Options of an AWS Bedrock target (the Converse API), through the official SDK. */
export const bedrockTargetOptions = z
  .object({
    type: z.literal('bedrock'),
    model: z.string().min(1).describe('Model id or inference profile, e.g. anthropic.claude-3-5-haiku-20241022-v1:0'),
    region: z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d+$/, 'must be an AWS region such as us-east-1').describe('AWS region of the Bedrock endpoint'),
    systemPrompt: z.string().optional().describe('System prompt (the `system` field)'),
    temperature: z.number().min(0).max(1).optional().describe('Sampling temperature (inferenceConfig.temperature)'),
    maxTokens: z.number().int().positive().optional().describe('Most tokens per answer (inferenceConfig.maxTokens)'),
    accessKeyIdEnv: envNameOption.optional().describe('NAME of the environment variable holding the access key id, e.g. AWS_ACCESS_KEY_ID'),
    secretAccessKeyEnv: envNameOption.optional().describe('NAME of the environment variable holding the secret access key, e.g. AWS_SECRET_ACCESS_KEY'),
    sessionTokenEnv: envNameOption.optional().describe('NAME of the environment variable holding a session token, for temporary credentials'),
    baseUrl: z.string().min(1).optional().describe('Endpoint override (a VPC endpoint or proxy); default https://bedrock-runtime.<region>.amazonaws.com'),
  })
  .strict()
  .refine((o) => (o.accessKeyIdEnv === undefined) === (o.secretAccessKeyEnv === undefined), {
    message: 'accessKeyIdEnv and secretAccessKeyEnv go together', path: ['secretAccessKeyEnv'],
  })
  .refine((o) => o.sessionTokenEnv === undefined || o.accessKeyIdEnv !== undefined, {
    message: 'sessionTokenEnv needs accessKeyIdEnv and secretAccessKeyEnv', path: ['sessionTokenEnv'],
  });

/** Parsed options of a Bedrock target. */
export type BedrockTargetOptions = z.infer<typeof bedrockTargetOptions>;

/** Options of a Bedrock target as written. */
export type BedrockTargetInput = z.input<typeof bedrockTargetOptions>;

/** Static AWS credentials, each read from the environment variable the options name. */
type Credentials = { readonly accessKeyId: string; readonly secretAccessKey: string; readonly sessionToken?: string };

/** Everything a call needs, fixed when the target is created. */
type ConversePlan = {
  readonly client: () => Promise<{ client: BedrockRuntimeClient; Converse: typeof import('@aws-sdk/client-bedrock-runtime').ConverseCommand }>;
  readonly options: BedrockTargetOptions;
  readonly scope: FailureScope;
};

/** Creates a target that talks to AWS Bedrock's Converse API through the official SDK (installed on demand). */
export function createBedrockTarget(input: BedrockTargetInput, context: TargetContext): Target {
  const options = parseTargetOptions(bedrockTargetOptions, input, context);
  const endpoint = parseTargetUrl(options.baseUrl ?? `https://bedrock-runtime.${options.region}.amazonaws.com`, { context, path: 'target.baseUrl' });
  const credentials = readCredentials(options, context);
  requireInstalled(bedrockSdk, context);
  const id = `bedrock:${options.model}@${endpoint.host}`;
  const scope: FailureScope = { targetId: id, secrets: credentials === undefined ? [] : Object.values(credentials) };
  const transport = targetTransport(context);
  const handler = transportHandler(transport.fetch, scope);
  const load = lazySdk(bedrockSdk, context);
  let client: ReturnType<ConversePlan['client']> | undefined;
  const plan: ConversePlan = {
    client: () => (client ??= load().then((sdk) => ({ client: newClient(sdk.BedrockRuntimeClient, { options, endpoint, credentials, handler }), Converse: sdk.ConverseCommand }))),
    options,
    scope,
  };
  return {
    id,
    capabilities: { multiTurn: true, systemPrompt: true, documents: false, network: true },
    simulated: false,
    send: (request, signal) => raceAbort(scope, { promise: converse(plan, { request, signal }), signal }),
    close: () => transport.close(),
  };
}

function readCredentials(options: BedrockTargetOptions, context: TargetContext): Credentials | undefined {
  if (options.accessKeyIdEnv === undefined || options.secretAccessKeyEnv === undefined) return undefined;
  const sessionToken = options.sessionTokenEnv === undefined ? undefined : readEnv(options.sessionTokenEnv, { context, path: 'target.sessionTokenEnv' });
  return {
    accessKeyId: readEnv(options.accessKeyIdEnv, { context, path: 'target.accessKeyIdEnv' }),
    secretAccessKey: readEnv(options.secretAccessKeyEnv, { context, path: 'target.secretAccessKeyEnv' }),
    ...(sessionToken === undefined ? {} : { sessionToken }),
  };
}

function newClient(
  Client: typeof BedrockRuntimeClient,
  input: { options: BedrockTargetOptions; endpoint: URL; credentials: Credentials | undefined; handler: SmithyHandler },
): BedrockRuntimeClient {
  // Every setting the SDK would otherwise look up in the environment or ~/.aws is passed (only the CLI reads the
  // environment; a bearer token there must not switch the signing scheme); one attempt, because the engine retries.
  return new Client({
    region: input.options.region,
    endpoint: input.endpoint.href.replace(/\/$/, ''),
    credentials: input.credentials ?? placeholderCredentials,
    authSchemePreference: ['sigv4'],
    maxAttempts: 1,
    retryMode: 'standard',
    defaultsMode: 'standard',
    useFipsEndpoint: false,
    useDualstackEndpoint: false,
    requestHandler: input.handler as never,
  });
}

async function converse(plan: ConversePlan, call: { request: TargetRequest; signal: AbortSignal }): Promise<TargetResponse> {
  const { options, scope } = plan;
  const { system, turns } = chatTurns(call.request, options.systemPrompt);
  const inference = {
    ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
    ...(options.maxTokens === undefined ? {} : { maxTokens: options.maxTokens }),
  };
  const { client, Converse } = await plan.client();
  const command = new Converse({
    modelId: options.model,
    messages: turns.map((turn) => ({ role: turn.role, content: [{ text: turn.text }] })),
    ...(system.length === 0 ? {} : { system: system.map((text) => ({ text })) }),
    ...(Object.keys(inference).length === 0 ? {} : { inferenceConfig: inference }),
  });
  const output = await client.send(command, { abortSignal: call.signal }).catch((error: unknown) => {
    throw sdkFailure(scope, error);
  });
  return converseReply(output, scope);
}

/** What the SDK rejected with, as a TargetError: a service error by its HTTP status (with Retry-After), else the transport's failure. */
function sdkFailure(scope: FailureScope, caught: unknown): Error {
  const error = caught as { name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: unknown }; $response?: { headers?: Record<string, string> } } | undefined;
  const status = error?.$metadata?.httpStatusCode;
  if (typeof status !== 'number' || status < 300) return transportError(scope, caught);
  const headers = error?.$response?.headers ?? {};
  const body = `${String(error?.name ?? 'Error')}: ${String(error?.message ?? '')}`;
  return httpStatusError(scope, { status, headers: { get: (name) => headers[name.toLowerCase()] ?? null }, body, nowMs: Date.now() });
}
