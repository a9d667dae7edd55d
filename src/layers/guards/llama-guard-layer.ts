// Source: Llama Guard 3 model card and prompt format (Meta, 2024), served behind an OpenAI-compatible Chat Completions API.
import { z } from 'zod';
import type { LayerVerdict } from '../../core/layer.js';
import type { Message } from '../../core/message.js';
import { llamaGuard3Categories, llamaGuard3Format } from '../../classifiers/safety-formats/llama-guard-3.js';
import { asRecord } from '../../targets/json-record.js';
import { envNameOption } from '../../targets/env-name-option.js';
import { defineLayer, layerInstanceId } from '../define-layer.js';
import { guardClient, type GuardClient } from './guard-client.js';
import { guardSecret, guardUrl, joinUrl } from './guard-context.js';
import { guardSideOption, guardTimeoutOption } from './guard-options.js';
import { guardInputText } from './guard-text.js';

/** Reads the model's answer strictly with the Llama Guard 3 format: anything but `safe` or `unsafe` + codes is an error. */
function llamaGuardVerdict(body: unknown, client: GuardClient): LayerVerdict {
  const choices = asRecord(body)?.['choices'];
  const content = asRecord(asRecord(Array.isArray(choices) ? choices[0] : undefined)?.['message'])?.['content'];
  if (typeof content !== 'string') throw client.offFormat('no text in choices[0].message.content');
  const reading = llamaGuard3Format.read(content);
  if (!reading.ok) throw client.offFormat(reading.problem);
  const { harmful, categories = [] } = reading.verdict;
  if (harmful !== true) return { decision: 'allow', score: 0, reason: 'Llama Guard: safe' };
  const names = categories.map((code) => llamaGuard3Categories[code as keyof typeof llamaGuard3Categories]);
  return { decision: 'block', score: 1, reason: `Llama Guard: ${reading.verdict.summary} (${names.join(', ')})`, categories };
}

/** A Llama Guard 3 model behind any OpenAI-compatible chat endpoint, as an input or output layer. */
export const llamaGuardLayer = defineLayer({
  id: 'llama-guard',
  summary: 'Llama Guard 3 behind an OpenAI-compatible endpoint: blocks a request or reply it answers "unsafe" to, with its S1–S14 categories',
  version: 1,
  stage: 'output',
  effect: 'block',
  options: z.strictObject({
    id: z.literal('llama-guard'),
    on: guardSideOption,
    baseUrl: z.string().min(1).describe('API base URL of the OpenAI-compatible server, e.g. http://127.0.0.1:8000/v1; the guard posts to {baseUrl}/chat/completions'),
    model: z.string().min(1).describe('The Llama Guard 3 model as the server names it, e.g. meta-llama/Llama-Guard-3-8B'),
    apiKeyEnv: envNameOption.optional().describe('NAME of the environment variable holding the API key (sent as a Bearer token); none for local servers'),
    timeoutMs: guardTimeoutOption,
  }),
  create: (options, services) => {
    const base = guardUrl(options.baseUrl, { services, option: 'baseUrl' });
    const key = options.apiKeyEnv === undefined ? undefined : guardSecret(options.apiKeyEnv, { services, option: 'apiKeyEnv' });
    const client = guardClient({
      name: `llama-guard at ${base.host}`, secrets: key === undefined ? [] : [key], timeoutMs: options.timeoutMs,
      authHint: options.apiKeyEnv === undefined ? 'the server wants a key: set apiKeyEnv to the NAME of the variable holding it' : `check the API key in $${options.apiKeyEnv}`,
    });
    const url = joinUrl(base, 'chat/completions');
    const headers: Record<string, string> = key === undefined ? {} : { authorization: `Bearer ${key}` };
    // The server's chat template for the model builds the published classification prompt from these turns.
    const ask = async (messages: Message[], signal: AbortSignal): Promise<LayerVerdict> => {
      const body = await client.post({ url, headers, body: { model: options.model, messages: messages.map(({ role, content }) => ({ role, content })), temperature: 0, max_tokens: 32 }, signal });
      return llamaGuardVerdict(body, client);
    };
    const id = layerInstanceId('llama-guard', { on: options.on, model: options.model, host: base.host });
    const close = (): Promise<void> => client.close();
    if (options.on === 'input') {
      return { id, stage: 'input', effect: 'block', close, onRequest: async (request, signal) => ({ verdict: await ask([{ role: 'user', content: guardInputText(request) }], signal) }) };
    }
    return {
      id, stage: 'output', effect: 'block', close,
      onResponse: async ({ request, response }, signal) => ({ verdict: await ask(llamaGuard3Format.request({ request: guardInputText(request), response: response.text }), signal) }),
    };
  },
});
