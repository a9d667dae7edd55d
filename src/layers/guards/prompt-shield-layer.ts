// Source: Azure AI Content Safety, "Prompt Shields" quickstart and REST reference (text:shieldPrompt, api-version 2024-09-01).
import { z } from 'zod';
import type { LayerVerdict } from '../../core/layer.js';
import { asRecord } from '../../targets/json-record.js';
import { envNameOption } from '../../targets/env-name-option.js';
import { defineLayer, layerInstanceId } from '../define-layer.js';
import { guardClient, type GuardClient } from './guard-client.js';
import { guardSecret, guardUrl, joinUrl } from './guard-context.js';
import { guardTimeoutOption } from './guard-options.js';
import { guardInput, type GuardInput } from './guard-text.js';

/** Reads a shieldPrompt answer strictly: one boolean for the user prompt, one per document sent. */
function shieldVerdict(body: unknown, input: GuardInput, client: GuardClient): LayerVerdict {
  const prompt = asRecord(asRecord(body)?.['userPromptAnalysis'])?.['attackDetected'];
  const documents = asRecord(body)?.['documentsAnalysis'] ?? [];
  if (typeof prompt !== 'boolean') throw client.offFormat('no boolean userPromptAnalysis.attackDetected');
  if (!Array.isArray(documents) || documents.length !== input.documents.length) {
    throw client.offFormat(`documentsAnalysis must hold one entry per document sent (${input.documents.length})`);
  }
  const flags = documents.map((d) => asRecord(d)?.['attackDetected']);
  if (flags.some((f) => typeof f !== 'boolean')) throw client.offFormat('a documentsAnalysis entry has no boolean attackDetected');
  const attacked = flags.flatMap((f, i) => (f === true ? [i + 1] : []));
  const where = [...(prompt ? ['the user prompt'] : []), ...(attacked.length === 0 ? [] : [`document${attacked.length > 1 ? 's' : ''} ${attacked.join(', ')}`])];
  if (where.length === 0) return { decision: 'allow', score: 0, reason: `no attack detected in the user prompt or ${input.documents.length} document(s)` };
  const categories = [...(prompt ? ['user-prompt-attack'] : []), ...(attacked.length > 0 ? ['document-attack'] : [])];
  return { decision: 'block', score: 1, reason: `Prompt Shields detected an attack in ${where.join(' and ')}`, categories };
}

/** Azure AI Content Safety Prompt Shields as an input layer: blocks a user prompt attack or a document attack. */
export const promptShieldLayer = defineLayer({
  id: 'prompt-shield',
  summary: 'Azure AI Content Safety Prompt Shields: blocks a request when it detects an attack in the user prompt or a document',
  version: 1,
  stage: 'input',
  effect: 'block',
  options: z.strictObject({
    id: z.literal('prompt-shield'),
    endpoint: z.string().min(1).describe('The Content Safety resource endpoint, e.g. https://NAME.cognitiveservices.azure.com'),
    apiKeyEnv: envNameOption.describe('NAME of the environment variable holding the resource key (sent as Ocp-Apim-Subscription-Key)'),
    apiVersion: z.string().regex(/^[\w.-]+$/).default('2024-09-01').describe('The api-version query parameter'),
    timeoutMs: guardTimeoutOption,
  }),
  create: (options, services) => {
    const endpoint = guardUrl(options.endpoint, { services, option: 'endpoint' });
    const key = guardSecret(options.apiKeyEnv, { services, option: 'apiKeyEnv' });
    const client = guardClient({ name: `prompt-shield at ${endpoint.host}`, secrets: [key], timeoutMs: options.timeoutMs, authHint: `check the Content Safety key in $${options.apiKeyEnv}` });
    const url = `${joinUrl(endpoint, 'contentsafety/text:shieldPrompt')}?api-version=${encodeURIComponent(options.apiVersion)}`;
    return {
      id: layerInstanceId('prompt-shield', { endpoint: endpoint.host }),
      stage: 'input',
      effect: 'block',
      onRequest: async (request, signal) => {
        const input = guardInput(request);
        const body = await client.post({ url, headers: { 'Ocp-Apim-Subscription-Key': key }, body: { userPrompt: input.prompt, documents: input.documents }, signal });
        return { verdict: shieldVerdict(body, input, client) };
      },
      close: () => client.close(),
    };
  },
});
