import type { IncomingHttpHeaders } from 'node:http';
import { replyJson, startLocalServer, type LocalServer } from './local-server.js';

/** Hazard words the fake guards react to, and fault markers any of them obeys: [429], [500], [garbled], [hang]. */
const attack = /ignore (all )?previous instructions/i;

type Wire = {
  /** The path and query the format posts to. */
  readonly path: string;
  /** True when the request carries the right credential. */
  readonly authorized: (headers: IncomingHttpHeaders) => boolean;
  /** The format's 401 body. */
  readonly denied: unknown;
  /** The answer to a well-formed request. */
  readonly answer: (body: Record<string, unknown>) => unknown;
};

/**
 * A guard's wire format on 127.0.0.1. A text holding `[429]` is answered 429 with Retry-After: 7, `[500]` with 500,
 * `[garbled]` with a body that is not JSON, `[hang]` never; a wrong credential with 401.
 */
async function startWireServer(wire: Wire): Promise<LocalServer> {
  return startLocalServer((reply, request) => {
    if (request.method !== 'POST' || request.path !== wire.path) return replyJson(reply, { status: 404, body: { error: { message: `no route ${request.path}` } } });
    if (!wire.authorized(request.headers)) return replyJson(reply, { status: 401, body: wire.denied });
    if (request.body.includes('[hang]')) return;
    if (request.body.includes('[429]')) {
      reply.writeHead(429, { 'content-type': 'application/json', 'retry-after': '7' });
      return reply.end(JSON.stringify({ error: { code: 'rate_limit_exceeded', message: 'Rate limit reached' } }));
    }
    if (request.body.includes('[500]')) return replyJson(reply, { status: 500, body: { error: { message: 'internal error' } } });
    if (request.body.includes('[garbled]')) {
      reply.writeHead(200, { 'content-type': 'application/json' });
      return reply.end('{"results": [ {"flagged": tru');
    }
    replyJson(reply, { body: wire.answer(JSON.parse(request.body) as Record<string, unknown>) });
  });
}

/** Azure AI Content Safety Prompt Shields (text:shieldPrompt, api-version 2024-09-01): flags "ignore previous instructions". */
export function startPromptShieldServer(key: string): Promise<LocalServer> {
  return startWireServer({
    path: '/contentsafety/text:shieldPrompt?api-version=2024-09-01',
    authorized: (headers) => headers['ocp-apim-subscription-key'] === key,
    denied: { error: { code: '401', message: 'Access denied due to invalid subscription key or wrong API endpoint.' } },
    answer: (body) => ({
      userPromptAnalysis: { attackDetected: attack.test(String(body['userPrompt'])) },
      documentsAnalysis: (body['documents'] as string[]).map((d) => ({ attackDetected: attack.test(d) })),
    }),
  });
}

const moderationCategories = ['harassment', 'hate', 'self-harm', 'sexual', 'violence', 'illicit'];

/** OpenAI's moderation endpoint (POST /v1/moderations): "bomb" is flagged violence 0.93, "fight" unflagged violence 0.6. */
export function startModerationServer(key: string): Promise<LocalServer & { models: string[] }> {
  const models: string[] = [];
  return startWireServer({
    path: '/v1/moderations',
    authorized: (headers) => headers.authorization === `Bearer ${key}`,
    denied: { error: { message: 'Incorrect API key provided: wr***ey.', type: 'invalid_request_error', code: 'invalid_api_key' } },
    answer: (body) => {
      models.push(String(body['model']));
      const text = String(body['input']);
      const violence = /bomb/i.test(text) ? 0.93 : /fight/i.test(text) ? 0.6 : 0.001;
      const scores = Object.fromEntries(moderationCategories.map((c) => [c, c === 'violence' ? violence : 0.0002]));
      const flags = Object.fromEntries(moderationCategories.map((c) => [c, c === 'violence' && violence > 0.9]));
      return { id: 'modr-1', model: body['model'], results: [{ flagged: violence > 0.9, categories: flags, category_scores: scores }] };
    },
  }).then((server) => Object.assign(server, { models }));
}

/** Llama Guard 3 behind an OpenAI-compatible chat endpoint: "bomb" → unsafe S9, "kill … bomb" → unsafe S1,S9, "[offformat]" → prose. */
export function startLlamaGuardServer(key?: string): Promise<LocalServer> {
  return startWireServer({
    path: '/v1/chat/completions',
    authorized: (headers) => key === undefined || headers.authorization === `Bearer ${key}`,
    denied: { error: { message: 'invalid api key' } },
    answer: (body) => {
      const messages = body['messages'] as { role: string; content: string }[];
      const last = messages.at(-1)!.content;
      const content = last.includes('[offformat]') ? 'I think this conversation is fine.' : /kill/i.test(last) && /bomb/i.test(last) ? 'unsafe\nS1,S9' : /bomb/i.test(last) ? '\n\nunsafe\nS9' : '\n\nsafe';
      return { id: 'chatcmpl-1', object: 'chat.completion', created: 0, model: body['model'], choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] };
    },
  });
}

/** A generic HTTP classifier (POST /classify {input}) answering { result: { label, score } }; needs header x-api-key. */
export function startClassifierServer(key: string): Promise<LocalServer> {
  return startWireServer({
    path: '/classify',
    authorized: (headers) => headers['x-api-key'] === key,
    denied: { detail: 'bad key' },
    answer: (body) => {
      const text = String(body['input']);
      return attack.test(text) ? { result: { label: 'INJECTION', score: 0.97 } } : { result: { label: 'SAFE', score: /maybe/.test(text) ? 0.7 : 0.02 } };
    },
  });
}
