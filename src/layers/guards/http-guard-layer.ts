import { z } from 'zod';
import { ConfigError } from '../../core/errors.js';
import type { LayerVerdict } from '../../core/layer.js';
import { expandEnvReferences } from '../../targets/env-reference.js';
import { headerTemplatesOption } from '../../targets/header-templates.js';
import { parseJsonPath, readJsonPath, type JsonPath } from '../../targets/http/json-path.js';
import type { JsonValue } from '../../targets/http/body-template.js';
import { defineLayer, layerInstanceId, type LayerServices } from '../define-layer.js';
import { guardClient, type GuardClient } from './guard-client.js';
import { guardContext, guardUrl } from './guard-context.js';
import { guardSideOption, guardTimeoutOption } from './guard-options.js';
import { guardInputText } from './guard-text.js';

const options = z
  .strictObject({
    id: z.literal('http-guard'),
    on: guardSideOption,
    url: z.string().min(1).describe('Where the classifier is: each text is POSTed there as JSON'),
    headers: headerTemplatesOption.optional(),
    body: z.json().default({ text: '{{text}}' }).describe('JSON body template; {{text}} inside any string is replaced by the text to classify'),
    labelPath: z.string().optional().describe("Where the label is in the reply, e.g. $.label or $.results[0]['label']"),
    blockLabels: z.array(z.string()).min(1).optional().describe('Labels that mean block (compared as text: a boolean true reads as "true")'),
    scorePath: z.string().optional().describe('Where the score in [0, 1] is in the reply, e.g. $.score'),
    threshold: z.number().min(0).max(1).optional().describe('Block when the score reaches this'),
    timeoutMs: guardTimeoutOption,
  })
  .superRefine((o, issues) => {
    if ((o.labelPath === undefined) !== (o.blockLabels === undefined)) issues.addIssue({ code: 'custom', path: ['blockLabels'], message: 'labelPath and blockLabels go together' });
    if (o.threshold !== undefined && o.scorePath === undefined) issues.addIssue({ code: 'custom', path: ['threshold'], message: 'threshold needs scorePath' });
    if (o.blockLabels === undefined && o.threshold === undefined) issues.addIssue({ code: 'custom', path: [], message: 'give labelPath and blockLabels, or scorePath and threshold (or both)' });
  });

/** The template with `{{text}}` replaced in every string; works on the structure, so the text cannot change its shape. */
function renderBody(template: JsonValue, text: string): JsonValue {
  if (typeof template === 'string') return template.replace(/\{\{text\}\}/g, () => text);
  if (Array.isArray(template)) return template.map((node) => renderBody(node, text));
  if (template !== null && typeof template === 'object') return Object.fromEntries(Object.entries(template).map(([k, v]) => [k, renderBody(v, text)]));
  return template;
}

function compilePath(source: string, where: { services: LayerServices; option: string }): JsonPath {
  try {
    return parseJsonPath(source);
  } catch (error) {
    throw new ConfigError(`${where.option}: ${(error as Error).message}`, { file: where.services.configFile ?? '<options>', path: where.option, hint: 'write a path such as $.label or $.results[0].score', cause: error });
  }
}

type Reading = { readonly label?: JsonPath; readonly blockLabels?: readonly string[]; readonly score?: JsonPath; readonly threshold?: number };

/** Reads the label and score where the options say; a missing or mistyped one is an error of the guard, never allow. */
function httpGuardVerdict(body: unknown, read: Reading, client: GuardClient): LayerVerdict {
  let label: string | undefined;
  let score: number | undefined;
  if (read.label !== undefined) {
    const value = readJsonPath(body, read.label);
    if (typeof value !== 'string' && typeof value !== 'boolean' && typeof value !== 'number') throw client.offFormat(`no label (text, number or boolean) at ${read.label.source}`);
    label = String(value);
  }
  if (read.score !== undefined) {
    const value = readJsonPath(body, read.score);
    if (typeof value !== 'number' || !Number.isFinite(value)) throw client.offFormat(`no number at ${read.score.source}`);
    score = value;
  }
  const byLabel = label !== undefined && (read.blockLabels ?? []).includes(label);
  const byScore = score !== undefined && read.threshold !== undefined && score >= read.threshold;
  const found = [...(label === undefined ? [] : [`label ${JSON.stringify(label)}`]), ...(score === undefined ? [] : [`score ${Number(score.toPrecision(3))}`])].join(', ');
  const scored = score === undefined ? {} : { score };
  if (!byLabel && !byScore) return { decision: 'allow', ...scored, reason: `guard answered ${found}` };
  const why = byLabel ? 'a blocking label' : `at least ${read.threshold}`;
  return { decision: 'block', ...scored, reason: `guard answered ${found} (${why})`, ...(label === undefined ? {} : { categories: [label] }) };
}

/** Any HTTP classifier as an input or output layer: a JSON body template out, a label and/or score read back by path. */
export const httpGuardLayer = defineLayer({
  id: 'http-guard',
  summary: 'Any HTTP classifier: posts the text in a JSON template, blocks on a label (blockLabels) and/or a score (threshold) read by path',
  version: 1,
  stage: 'output',
  effect: 'block',
  options,
  create: (o, services) => {
    const url = guardUrl(o.url, { services, option: 'url' });
    const headers: Record<string, string> = {};
    const secrets: string[] = [];
    for (const [name, template] of Object.entries(o.headers ?? {})) {
      const expanded = expandEnvReferences(template, { context: guardContext(services), path: `headers.${name}` });
      // fetch's own error for such a value would quote it, secret included.
      if (/[\r\n\0]/.test(expanded.value)) throw new ConfigError(`header ${name} contains a line break or NUL after expansion`, { file: services.configFile ?? '<options>', path: `headers.${name}` });
      headers[name] = expanded.value;
      secrets.push(...expanded.secrets);
    }
    const read: Reading = {
      ...(o.labelPath === undefined ? {} : { label: compilePath(o.labelPath, { services, option: 'labelPath' }), blockLabels: o.blockLabels ?? [] }),
      ...(o.scorePath === undefined ? {} : { score: compilePath(o.scorePath, { services, option: 'scorePath' }) }),
      ...(o.threshold === undefined ? {} : { threshold: o.threshold }),
    };
    const client = guardClient({ name: `http-guard at ${url.host}`, secrets, timeoutMs: o.timeoutMs, authHint: 'check the credentials the headers reference' });
    const classify = async (text: string, signal: AbortSignal): Promise<LayerVerdict> =>
      httpGuardVerdict(await client.post({ url: url.href, headers, body: renderBody(o.body as JsonValue, text), signal }), read, client);
    const id = layerInstanceId('http-guard', { on: o.on, url: `${url.host}${url.pathname}`, blockLabels: o.blockLabels, threshold: o.threshold });
    const close = (): Promise<void> => client.close();
    if (o.on === 'input') return { id, stage: 'input', effect: 'block', close, onRequest: async (request, signal) => ({ verdict: await classify(guardInputText(request), signal) }) };
    return { id, stage: 'output', effect: 'block', close, onResponse: async ({ response }, signal) => ({ verdict: await classify(response.text, signal) }) };
  },
});
