import { z } from 'zod';
import { ConfigError } from '../../core/errors.js';
import type { Target, TargetRequest, TargetResponse } from '../../core/target.js';
import type { TargetContext } from '../context.js';
import {
  badResponseError,
  httpStatusError,
  raceAbort,
  transportError,
  type FailureScope,
} from '../http-failure.js';
import { defaultBodyTemplate, renderBodyTemplate, type JsonValue } from './body-template.js';
import { expandEnvReferences } from '../env-reference.js';
import { expandHeaders, headerTemplatesOption } from '../header-templates.js';
import { parseJsonPath, readJsonPath, type JsonPath } from './json-path.js';
import { parseTargetOptions, parseTargetUrl } from '../parse-target-options.js';
import { parseJsonReply, readReplyExcerpt, readReplyText, replyLimitBytes } from '../read-reply.js';

/** Options of a JSON-over-HTTP application under test (a chat endpoint, a RAG app, an agent API). */
export const httpTargetOptions = z
  .object({
    type: z.literal('http'),
    url: z.string().min(1).describe('Endpoint URL; may reference ${ENV_NAME}'),
    method: z.enum(['POST', 'PUT', 'PATCH']).default('POST').describe('HTTP method'),
    headers: headerTemplatesOption.optional(),
    body: z
      .json()
      .optional()
      .describe('JSON body template: "{{messages}}" as a whole value; {{prompt}}, {{document}}, {{system}} inside strings'),
    responsePath: z.string().default('$').describe("Where the reply text is, e.g. $.output or $.choices[0]['text']"),
    id: z.string().min(1).optional().describe('Target id stored with attempts (default http:HOST/PATH)'),
  })
  .strict();

/** Parsed options of an HTTP target. */
export type HttpTargetOptions = z.infer<typeof httpTargetOptions>;

/** Options of an HTTP target as written, before defaults are filled in. */
export type HttpTargetInput = z.input<typeof httpTargetOptions>;

/** How a request is sent, fixed when the target is created. */
type HttpPlan = {
  readonly url: URL;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly template: JsonValue;
  readonly responsePath: JsonPath;
  readonly scope: FailureScope;
};

/** Creates a target that POSTs a templated JSON body and reads the reply text at `responsePath`. */
export function createHttpTarget(input: HttpTargetInput, context: TargetContext): Target {
  const options = parseTargetOptions(httpTargetOptions, input, context);
  const where = { context, path: 'target.url' };
  const expandedUrl = expandEnvReferences(options.url, where);
  const url = parseTargetUrl(expandedUrl.value, where);
  const headers = expandHeaders(options.headers, context);
  const id = options.id ?? `http:${url.host}${url.pathname}`;
  const hasContentType = Object.keys(headers.value).some((name) => name.toLowerCase() === 'content-type');
  const plan: HttpPlan = {
    url,
    method: options.method,
    headers: hasContentType ? headers.value : { 'content-type': 'application/json', ...headers.value },
    template: options.body ?? defaultBodyTemplate,
    responsePath: compileResponsePath(options.responsePath, context),
    scope: { targetId: id, secrets: [...expandedUrl.secrets, ...headers.secrets] },
  };
  return {
    id,
    capabilities: { multiTurn: true, systemPrompt: false, documents: true },
    simulated: false,
    send: (request, signal) => raceAbort(plan.scope, { promise: exchange(plan, { request, signal }), signal }),
  };
}

async function exchange(plan: HttpPlan, call: { request: TargetRequest; signal: AbortSignal }): Promise<TargetResponse> {
  const { scope } = plan;
  const response = await fetch(plan.url, {
    method: plan.method,
    headers: plan.headers,
    body: JSON.stringify(renderBodyTemplate(plan.template, call.request)),
    signal: call.signal,
    // A redirect would carry our headers (tokens included) to wherever it points; report it instead.
    redirect: 'manual',
  }).catch((error: unknown) => {
    throw transportError(scope, error);
  });
  if (!response.ok) {
    const body = await readReplyExcerpt(response);
    throw httpStatusError(scope, { status: response.status, headers: response.headers, body, nowMs: Date.now() });
  }
  const text = await readReplyText(response, { scope, limitBytes: replyLimitBytes });
  return { text: replyTextAt(text, { path: plan.responsePath, scope }) };
}

function replyTextAt(body: string, at: { path: JsonPath; scope: FailureScope }): string {
  const { path, scope } = at;
  if (path.steps.length === 0) {
    // '$' means the whole reply: a JSON scalar is unwrapped, anything else is kept as text.
    const scalar = scalarText(tryParseJson(body));
    return scalar ?? body;
  }
  const value = readJsonPath(parseJsonReply(body, scope), path);
  if (value === undefined || value === null) throw badResponseError(scope, `no text at path ${path.source}`);
  const text = scalarText(value);
  if (text === undefined) {
    throw badResponseError(scope, `value at path ${path.source} is ${Array.isArray(value) ? 'an array' : 'an object'}, not text`);
  }
  return text;
}

function scalarText(value: unknown): string | undefined {
  const kind = typeof value;
  return kind === 'string' || kind === 'number' || kind === 'boolean' ? String(value) : undefined;
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function compileResponsePath(source: string, context: TargetContext): JsonPath {
  try {
    return parseJsonPath(source);
  } catch (error) {
    throw new ConfigError(`target.responsePath: ${(error as Error).message}`, {
      file: context.configFile,
      path: 'target.responsePath',
      hint: "write a path such as $.output or $.choices[0]['text']",
      cause: error,
    });
  }
}
