import type { GoogleGenAI } from '@google/genai';
import { z } from 'zod';
import type { Target, TargetRequest, TargetResponse } from '../../core/target.js';
import { chatTurns } from '../chat-turns.js';
import { checkedFetch } from '../checked-fetch.js';
import type { TargetContext } from '../context.js';
import { envNameOption } from '../env-name-option.js';
import { readEnv } from '../env-reference.js';
import { raceAbort, transportError, type FailureScope } from '../http-failure.js';
import { targetTransport, type TransportFetch } from '../http-transport.js';
import { lazySdk, requireInstalled } from '../optional-sdk.js';
import { parseTargetOptions, parseTargetUrl } from '../parse-target-options.js';
import { generateReply } from './generate-reply.js';

// The official SDK, an optional dependency loaded when a `gemini` target first sends. Not exported: its type names
// the package, and Redline's own declarations must not need it installed.
const geminiSdk = { packageName: '@google/genai', load: () => import('@google/genai') };

// A proxy in front of the API may need no key, but the SDK would then read GEMINI_API_KEY: give it a stand-in.
const placeholderKey = 'redline-no-key';

/** Options of a Google Gemini API target (generateContent), through the official SDK. */
export const geminiTargetOptions = z
  .object({
    type: z.literal('gemini'),
    model: z.string().min(1).describe('Model name, e.g. gemini-2.5-flash'),
    systemPrompt: z.string().optional().describe('System prompt (systemInstruction)'),
    temperature: z.number().min(0).max(2).optional().describe('Sampling temperature'),
    maxTokens: z.number().int().positive().optional().describe('Most tokens per answer (maxOutputTokens)'),
    apiKeyEnv: envNameOption.optional().describe('NAME of the environment variable holding the API key, e.g. GEMINI_API_KEY'),
    baseUrl: z.string().min(1).default('https://generativelanguage.googleapis.com').describe('API base URL (a gateway or proxy); requests go to <baseUrl>/<apiVersion>/models/<model>:generateContent'),
    apiVersion: z.string().regex(/^v\d+\w*$/, 'must be an API version such as v1beta or v1').default('v1beta').describe('API version in the path'),
  })
  .strict();

/** Parsed options of a Gemini target. */
export type GeminiTargetOptions = z.infer<typeof geminiTargetOptions>;

/** Options of a Gemini target as written, before defaults are filled in. */
export type GeminiTargetInput = z.input<typeof geminiTargetOptions>;

/** Everything a call needs, fixed when the target is created. */
type GeneratePlan = { readonly client: () => Promise<GoogleGenAI>; readonly options: GeminiTargetOptions; readonly scope: FailureScope };

/** Creates a target that talks to the Gemini API through the official SDK (installed on demand). */
export function createGeminiTarget(input: GeminiTargetInput, context: TargetContext): Target {
  const options = parseTargetOptions(geminiTargetOptions, input, context);
  const baseUrl = parseTargetUrl(options.baseUrl, { context, path: 'target.baseUrl' });
  const apiKey = options.apiKeyEnv ? readEnv(options.apiKeyEnv, { context, path: 'target.apiKeyEnv' }) : undefined;
  requireInstalled(geminiSdk, context);
  const id = `gemini:${options.model}@${baseUrl.host}`;
  const scope: FailureScope = { targetId: id, secrets: apiKey ? [apiKey] : [] };
  const transport = targetTransport(context);
  // The SDK keeps no headers or body of a failed reply: the checked fetch turns it into the shared TargetError first.
  const fetch = checkedFetch(transport.fetch, scope);
  const load = lazySdk(geminiSdk, context);
  let client: Promise<GoogleGenAI> | undefined;
  const plan: GeneratePlan = {
    client: () => (client ??= load().then((sdk) => newClient(sdk.GoogleGenAI, { options, apiKey, fetch }))),
    options,
    scope,
  };
  return {
    id,
    capabilities: { multiTurn: true, systemPrompt: true, documents: false, network: true },
    simulated: false,
    send: (request, signal) => raceAbort(scope, { promise: generate(plan, { request, signal }), signal }),
    close: () => transport.close(),
  };
}

function newClient(
  Client: typeof GoogleGenAI,
  input: { options: GeminiTargetOptions; apiKey: string | undefined; fetch: TransportFetch },
): GoogleGenAI {
  // Key, backend and base URL are passed so the SDK reads none of its environment variables (only the CLI does);
  // without retryOptions it sends each request once, because the engine retries.
  return new Client({
    apiKey: input.apiKey ?? placeholderKey,
    vertexai: false,
    httpOptions: { baseUrl: input.options.baseUrl, apiVersion: input.options.apiVersion, fetch: input.fetch },
  });
}

async function generate(plan: GeneratePlan, call: { request: TargetRequest; signal: AbortSignal }): Promise<TargetResponse> {
  const { options, scope } = plan;
  const { system, turns } = chatTurns(call.request, options.systemPrompt);
  const client = await plan.client();
  const reply = await client.models
    .generateContent({
      model: options.model,
      contents: turns.map((turn) => ({ role: turn.role === 'assistant' ? 'model' : 'user', parts: [{ text: turn.text }] })),
      config: {
        abortSignal: call.signal,
        ...(system.length === 0 ? {} : { systemInstruction: system.join('\n\n') }),
        ...(options.temperature === undefined ? {} : { temperature: options.temperature }),
        ...(options.maxTokens === undefined ? {} : { maxOutputTokens: options.maxTokens }),
      },
    })
    .catch((error: unknown) => {
      throw transportError(scope, error);
    });
  return generateReply(reply, scope);
}
