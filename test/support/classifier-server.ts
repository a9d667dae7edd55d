import type { ServerResponse } from 'node:http';
import { DIGIT_LABELS } from '../../src/ml/demo/digit-victim.js';
import { DIGIT_VICTIM_WEIGHTS } from '../../src/ml/demo/digit-victim-weights.js';
import { unpackMlp } from '../../src/ml/mlp-weights.js';
import { predictProbabilities } from '../../src/ml/mlp.js';
import { argmax } from '../../src/ml/vector.js';
import { replyJson, startLocalServer } from './local-server.js';

/** How the classifier server misbehaves; by default it answers every request correctly. */
export type ClassifierServerOptions = {
  /** Answers 401 unless `authorization: Bearer <token>`; the 401 body echoes the header it got, as careless servers do. */
  readonly token?: string;
  /** Every k-th request (counting all of them) answers 429 with Retry-After. */
  readonly rateLimitEvery?: number;
  /** The Retry-After of a 429, in seconds (default 2). */
  readonly retryAfterSeconds?: number;
  /** Every k-th request answers 500. */
  readonly failEvery?: number;
  /** Answers 200 with a body that is not JSON. */
  readonly malformed?: boolean;
  /** Answers the label only, without probabilities. */
  readonly labelOnly?: boolean;
  /** Names the label by class name (default) or index. */
  readonly labelAs?: 'name' | 'index';
  /** Waits this long before answering. */
  readonly delayMs?: number;
};

/** One request as the server saw it. */
export type ClassifierRequestLog = {
  /** Server clock when the request's body had arrived, ms since the epoch. */
  readonly at: number;
  /** Status it answered. */
  readonly status: number;
  /** Inputs the body carried. */
  readonly inputs: number;
};

/** The demo digit victim served over HTTP on 127.0.0.1. */
export type ClassifierServer = {
  /** The prediction endpoint, e.g. 'http://127.0.0.1:41234/predict'. */
  readonly url: string;
  /** Every request so far, oldest first. */
  readonly requests: readonly ClassifierRequestLog[];
  /** Stops the server. */
  close(): Promise<void>;
};

/**
 * Serves the demo digit victim at POST /predict: `{"input": [784 numbers]}` → `{label, probabilities}`, and
 * `{"inputs": [[…], …]}` → `{predictions: [{label, probabilities}, …]}`; with `options`, it misbehaves.
 */
export async function startClassifierServer(options: ClassifierServerOptions = {}): Promise<ClassifierServer> {
  const victim = unpackMlp(DIGIT_VICTIM_WEIGHTS);
  const requests: ClassifierRequestLog[] = [];
  const predict = (pixels: unknown): object => {
    const probabilities = predictProbabilities(victim, Float32Array.from(pixels as number[]));
    const index = argmax(probabilities);
    const label = options.labelAs === 'index' ? index : DIGIT_LABELS[index];
    return options.labelOnly === true ? { label } : { label, probabilities: Array.from(probabilities) };
  };
  const server = await startLocalServer((reply, request) => {
    const at = Date.now();
    const n = requests.length + 1;
    let body: { input?: unknown; inputs?: unknown[] } = {};
    try {
      body = JSON.parse(request.body) as typeof body;
    } catch {
      // An unreadable request is answered 400 below.
    }
    const inputs = Array.isArray(body.inputs) ? body.inputs.length : body.input === undefined ? 0 : 1;
    const answer = (status: number, send: (reply: ServerResponse) => void): void => {
      requests.push({ at, status, inputs });
      setTimeout(() => send(reply), options.delayMs ?? 0);
    };
    const auth = request.headers['authorization'];
    if (options.token !== undefined && auth !== `Bearer ${options.token}`) {
      return answer(401, (r) => replyJson(r, { status: 401, body: { error: `invalid credentials: ${auth ?? 'none'}` } }));
    }
    if (options.rateLimitEvery !== undefined && n % options.rateLimitEvery === 0) {
      return answer(429, (r) => {
        r.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(options.retryAfterSeconds ?? 2) });
        r.end(JSON.stringify({ error: 'slow down' }));
      });
    }
    if (options.failEvery !== undefined && n % options.failEvery === 0) return answer(500, (r) => replyJson(r, { status: 500, body: { error: 'model crashed' } }));
    if (request.method !== 'POST' || request.path !== '/predict' || inputs === 0) return answer(400, (r) => replyJson(r, { status: 400, body: { error: 'POST {"input": [...]} to /predict' } }));
    if (options.malformed === true) {
      return answer(200, (r) => {
        r.writeHead(200, { 'content-type': 'application/json' });
        r.end('{"label": "7", "probabilities": [0.1, ');
      });
    }
    const result = Array.isArray(body.inputs) ? { predictions: body.inputs.map(predict) } : predict(body.input);
    return answer(200, (r) => replyJson(r, { body: result }));
  });
  return { url: `${server.url}/predict`, requests, close: () => server.close() };
}
