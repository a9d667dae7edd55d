import { TargetError } from '../../core/errors.js';
import type { ClassifierTarget, MlInput, Prediction } from '../../core/ml.js';
import type { TargetContext } from '../../targets/context.js';
import { expandEnvReferences } from '../../targets/env-reference.js';
import { expandHeaders } from '../../targets/header-templates.js';
import type { JsonValue } from '../../targets/http/body-template.js';
import { httpStatusError, raceAbort, transportError } from '../../targets/http-failure.js';
import { targetTransport, type HttpTransport } from '../../targets/http-transport.js';
import { parseTargetOptions, parseTargetUrl } from '../../targets/parse-target-options.js';
import { parseJsonReply, readReplyExcerpt, readReplyText, replyLimitBytes } from '../../targets/read-reply.js';
import { compileBatchJsonPath } from './batch-json-path.js';
import { renderClassifierBody } from './classifier-body.js';
import { readClassifierReply, type ReplyReading } from './classifier-reply.js';
import { httpClassifierOptions, INPUT_SLOTS, type HttpClassifierInput } from './http-classifier-options.js';

/** How requests are sent and replies read, fixed when the target is created. */
type Plan = ReplyReading & {
  readonly url: URL;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly template: JsonValue;
  readonly timeoutMs: number;
  /** What to do about a 401 or 403: which variable holds the credential. */
  readonly authHint: string;
  readonly transport: HttpTransport;
};

const envReference = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g;

/**
 * A classifier behind a JSON HTTP endpoint: each batch of up to `batchSize` inputs is one request whose body template
 * receives them, and the reply's label (and probabilities) are read at their paths. Failures are the LLM targets'
 * TargetErrors: 401/403 final with a hint naming the credential's variable, 429 and 5xx retryable with Retry-After,
 * timeouts and network failures retryable, a reply that is not JSON or lacks a path 'bad-response'. Secrets from the
 * environment never reach an id or a message.
 */
export function httpClassifier(input: HttpClassifierInput, context: TargetContext): ClassifierTarget {
  const options = parseTargetOptions(httpClassifierOptions, input, context);
  const batchSize = options.batchSize ?? 1;
  const batched = batchSize > 1;
  const expandedUrl = expandEnvReferences(options.url, { context, path: 'target.url' });
  const url = parseTargetUrl(expandedUrl.value, { context, path: 'target.url' });
  const headers = expandHeaders(options.headers, context);
  // Built from the URL as written: a `${TOKEN}` in it stays a reference, never the secret's value.
  const id = options.id ?? `http-classifier:${options.url.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[?#]/)[0]}`;
  const hasContentType = Object.keys(headers.value).some((name) => name.toLowerCase() === 'content-type');
  const credentials = [...new Set(Object.values(options.headers ?? {}).flatMap((value) => [...value.matchAll(envReference)].map((m) => `$${m[1]}`)))];
  const access = options.access ?? (options.probabilitiesPath === undefined ? 'label' : 'scores');
  const plan: Plan = {
    url,
    method: options.method ?? 'POST',
    headers: hasContentType ? headers.value : { 'content-type': 'application/json', ...headers.value },
    template: options.body ?? (batched ? { inputs: INPUT_SLOTS.batch } : { input: INPUT_SLOTS.one }),
    timeoutMs: options.timeoutMs ?? 30_000,
    authHint: credentials.length === 0
      ? 'the endpoint wants credentials: add a header that references an environment variable, e.g. authorization: "Bearer ${CLASSIFIER_TOKEN}"'
      : `check the credential in ${credentials.join(', ')} (target.headers) and that it may use this endpoint`,
    transport: targetTransport(context),
    labelPath: compileBatchJsonPath(options.labelPath ?? (batched ? '$.predictions[*].label' : '$.label'), { context, option: 'labelPath', batched }),
    ...(options.probabilitiesPath === undefined ? {} : {
      probabilitiesPath: compileBatchJsonPath(options.probabilitiesPath, { context, option: 'probabilitiesPath', batched }),
    }),
    labels: options.labels,
    access,
    scope: { targetId: id, secrets: [...expandedUrl.secrets, ...headers.secrets] },
  };
  const classify = async (inputs: readonly MlInput[], signal: AbortSignal): Promise<Prediction[]> => {
    const predictions: Prediction[] = [];
    for (let start = 0; start < inputs.length; start += batchSize) {
      predictions.push(...(await exchange(plan, { inputs: inputs.slice(start, start + batchSize), signal })));
    }
    return predictions;
  };
  return {
    id,
    simulated: false,
    modality: options.modality ?? (options.input === undefined ? 'text' : options.input.shape.length > 1 ? 'image' : 'tabular'),
    labels: options.labels,
    ...(options.input === undefined ? {} : { input: options.input }),
    access,
    maxBatch: batchSize,
    classify: (inputs, signal) => raceAbort(plan.scope, { promise: classify(inputs, signal), signal }),
    close: () => plan.transport.close(),
  };
}

async function exchange(plan: Plan, call: { inputs: readonly MlInput[]; signal: AbortSignal }): Promise<Prediction[]> {
  const { scope } = plan;
  const timeout = AbortSignal.timeout(plan.timeoutMs);
  let response: Response;
  try {
    response = await plan.transport.fetch(plan.url, {
      method: plan.method,
      headers: plan.headers,
      body: JSON.stringify(renderClassifierBody(plan.template, call.inputs)),
      signal: AbortSignal.any([call.signal, timeout]),
    });
  } catch (error) {
    if (timeout.aborted && !call.signal.aborted) {
      throw new TargetError(`target timed out after ${plan.timeoutMs} ms`, { targetId: scope.targetId, kind: 'timeout', retryable: true, cause: error });
    }
    throw transportError(scope, error);
  }
  if (!response.ok) {
    const body = await readReplyExcerpt(response);
    throw withAuthHint(httpStatusError(scope, { status: response.status, headers: response.headers, body, nowMs: Date.now() }), plan.authHint);
  }
  const reply = parseJsonReply(await readReplyText(response, { scope, limitBytes: replyLimitBytes }), scope);
  return readClassifierReply(reply, { ...plan, count: call.inputs.length });
}

/** A 401 or 403 says which variable holds the credential (never its value); other failures pass unchanged. */
function withAuthHint(error: TargetError, hint: string): TargetError {
  if (error.status !== 401 && error.status !== 403) return error;
  return new TargetError(error.message, {
    targetId: error.targetId, kind: error.kind, retryable: error.retryable, status: error.status, hint,
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
  });
}
