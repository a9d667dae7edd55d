// Source: OpenAI API reference, "Moderations" (POST /v1/moderations; results[].flagged, categories, category_scores).
import { z } from 'zod';
import type { LayerVerdict } from '../../core/layer.js';
import type { TargetRequest, TargetResponse } from '../../core/target.js';
import { asRecord } from '../../targets/json-record.js';
import { envNameOption } from '../../targets/env-name-option.js';
import { defineLayer, layerInstanceId } from '../define-layer.js';
import { guardClient, type GuardClient } from './guard-client.js';
import { guardSecret, guardUrl, joinUrl } from './guard-context.js';
import { guardSideOption, guardTimeoutOption } from './guard-options.js';
import { guardInputText } from './guard-text.js';

/** Reads a moderation answer strictly; blocks when flagged, or when the top category score reaches `threshold`. */
function moderationVerdict(body: unknown, read: { threshold: number | undefined; client: GuardClient }): LayerVerdict {
  const results = asRecord(body)?.['results'];
  const result = Array.isArray(results) ? asRecord(results[0]) : undefined;
  const categories = asRecord(result?.['categories']);
  const scores = asRecord(result?.['category_scores']);
  if (typeof result?.['flagged'] !== 'boolean' || categories === undefined || scores === undefined) {
    throw read.client.offFormat('results[0] needs a boolean flagged, categories and category_scores');
  }
  const scored = Object.entries(scores);
  if (scored.some(([, s]) => typeof s !== 'number' || !Number.isFinite(s))) throw read.client.offFormat('category_scores must all be numbers');
  const [topName, top] = (scored as [string, number][]).reduce<[string, number]>((best, entry) => (entry[1] > best[1] ? entry : best), ['none', 0]);
  const flagged = Object.entries(categories).filter(([, on]) => on === true).map(([name]) => name);
  const overThreshold = read.threshold !== undefined && top >= read.threshold;
  const named = [...new Set([...flagged, ...(overThreshold ? (scored as [string, number][]).filter(([, s]) => s >= read.threshold!).map(([n]) => n) : [])])];
  const topText = `top score ${Number(top.toPrecision(3))} for ${topName}`;
  if (result['flagged'] === true || overThreshold) {
    return { decision: 'block', score: top, reason: `OpenAI moderation flagged ${named.join(', ') || 'the text'} (${topText})`, categories: named };
  }
  return { decision: 'allow', score: top, reason: `not flagged (${topText})` };
}

/** The OpenAI moderation endpoint as an input or output layer. */
export const openAiModerationLayer = defineLayer({
  id: 'openai-moderation',
  summary: 'OpenAI moderation endpoint: blocks a request or reply it flags (or whose top category score reaches a threshold)',
  version: 1,
  stage: 'output',
  effect: 'block',
  options: z.strictObject({
    id: z.literal('openai-moderation'),
    on: guardSideOption,
    baseUrl: z.string().min(1).default('https://api.openai.com/v1').describe('API base URL, as the openai target takes it; the guard posts to {baseUrl}/moderations'),
    model: z.string().min(1).default('omni-moderation-latest').describe('Moderation model'),
    apiKeyEnv: envNameOption.default('OPENAI_API_KEY').describe('NAME of the environment variable holding the API key (sent as a Bearer token)'),
    threshold: z.number().min(0).max(1).optional().describe('Also block when the top category score reaches this, even if the endpoint did not flag it'),
    timeoutMs: guardTimeoutOption,
  }),
  create: (options, services) => {
    const base = guardUrl(options.baseUrl, { services, option: 'baseUrl' });
    const key = guardSecret(options.apiKeyEnv, { services, option: 'apiKeyEnv' });
    const client = guardClient({ name: `openai-moderation at ${base.host}`, secrets: [key], timeoutMs: options.timeoutMs, authHint: `check the API key in $${options.apiKeyEnv}` });
    const url = joinUrl(base, 'moderations');
    const moderate = async (text: string, signal: AbortSignal): Promise<LayerVerdict> => {
      if (text.trim() === '') return { decision: 'allow', score: 0, reason: 'no text to moderate' };
      const body = await client.post({ url, headers: { authorization: `Bearer ${key}` }, body: { model: options.model, input: text }, signal });
      return moderationVerdict(body, { threshold: options.threshold, client });
    };
    const id = layerInstanceId('openai-moderation', { on: options.on, model: options.model, host: base.host, threshold: options.threshold });
    const close = (): Promise<void> => client.close();
    if (options.on === 'input') {
      return { id, stage: 'input', effect: 'block', close, onRequest: async (request: TargetRequest, signal) => ({ verdict: await moderate(guardInputText(request), signal) }) };
    }
    return { id, stage: 'output', effect: 'block', close, onResponse: async ({ response }: { response: TargetResponse }, signal) => ({ verdict: await moderate(response.text, signal) }) };
  },
});
