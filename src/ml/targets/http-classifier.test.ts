import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../../core/errors.js';
import { startClassifierServer, type ClassifierServer, type ClassifierServerOptions } from '../../../test/support/classifier-server.js';
import { everythingPrinted, replyJson, startLocalServer, targetFailure, testContext } from '../../../test/support/local-server.js';
import { loadDigitSplits } from '../datasets/mnist-digits.js';
import { demoDigitClassifier } from '../demo/demo-digits.js';
import { DIGIT_LABELS } from '../demo/digit-victim.js';
import { httpClassifier } from './http-classifier.js';
import type { HttpClassifierInput } from './http-classifier-options.js';

const token = 'tok-CANARY-5150-secret';
const env = { DIGITS_TOKEN: token };
const digits = loadDigitSplits().test.slice(0, 10).map((sample) => sample.input as Float32Array);
const signal = new AbortController().signal;
const input = { shape: [784], min: 0, max: 1 };

describe('the http-classifier target against a real local server', () => {
  let server: ClassifierServer | undefined;
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });

  async function targetFor(behaviour: ClassifierServerOptions, extra: Partial<HttpClassifierInput> = {}) {
    server = await startClassifierServer(behaviour);
    return httpClassifier({
      type: 'http-classifier', url: server.url, labels: DIGIT_LABELS, input, probabilitiesPath: '$.probabilities',
      headers: { authorization: 'Bearer ${DIGITS_TOKEN}' }, ...extra,
    }, testContext(env));
  }

  it('predicts what the in-process victim predicts, one input per request', async () => {
    const target = await targetFor({ token });
    const reference = await demoDigitClassifier().classify(digits, signal);
    expect(await target.classify(digits, signal)).toEqual(reference);
    expect(server!.requests.map((r) => [r.status, r.inputs])).toEqual(digits.map(() => [200, 1]));
    expect(target).toMatchObject({ id: `http-classifier:${new URL(server!.url).host}/predict`, access: 'scores', modality: 'tabular' });
  });

  it('sends batches of batchSize in "{{inputs}}" and reads each prediction under [*]', async () => {
    const target = await targetFor({ labelAs: 'index' }, {
      batchSize: 4, body: { inputs: '{{inputs}}', model: 'v1' }, probabilitiesPath: '$.predictions[*].probabilities', headers: {},
    });
    expect(await target.classify(digits, signal)).toEqual(await demoDigitClassifier().classify(digits, signal));
    expect(server!.requests.map((r) => r.inputs)).toEqual([4, 4, 2]);
  });

  it('reads labels alone from a label-only server, and hides scores from a label-access target', async () => {
    const reference = (await demoDigitClassifier().classify(digits, signal)).map((p) => ({ label: p.label }));
    const labelOnly = await targetFor({ labelOnly: true }, { probabilitiesPath: undefined, headers: {} });
    expect(labelOnly.access).toBe('label');
    expect(await labelOnly.classify(digits, signal)).toEqual(reference);
    await server!.close();
    const hidden = await targetFor({}, { access: 'label', headers: {} });
    expect(await hidden.classify(digits, signal)).toEqual(reference);
  });

  it('maps a 401 to a final http-401 naming the credential variable, never the token', async () => {
    server = await startClassifierServer({ token });
    const wrong = httpClassifier({ type: 'http-classifier', url: server.url, labels: DIGIT_LABELS, input, headers: { authorization: 'Bearer ${DIGITS_TOKEN}' } },
      testContext({ DIGITS_TOKEN: `${token}-stale` }));
    const error = await targetFailure(wrong.classify(digits.slice(0, 1), signal));
    expect(error).toMatchObject({ kind: 'http-401', status: 401, retryable: false, hint: expect.stringContaining('$DIGITS_TOKEN') });
    // The server echoed the Authorization header it got: the message shows it redacted.
    expect(error.message).toContain('***');
    expect(everythingPrinted(error)).not.toContain(token);
  });

  it('maps every k-th 429 to a retryable http-429 with the Retry-After delay', async () => {
    const target = await targetFor({ rateLimitEvery: 3, retryAfterSeconds: 7 });
    await target.classify(digits.slice(0, 2), signal);
    const error = await targetFailure(target.classify(digits.slice(2, 3), signal));
    expect(error).toMatchObject({ kind: 'http-429', retryable: true, retryAfterMs: 7000 });
    expect(server!.requests.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(server!.requests[2]!.at).toBeGreaterThanOrEqual(server!.requests[1]!.at);
  });

  it('maps a 500 to a retryable http-500, a timeout and a refused connection to retryable timeout and network', async () => {
    const crashing = await targetFor({ failEvery: 1 });
    expect(await targetFailure(crashing.classify(digits.slice(0, 1), signal))).toMatchObject({ kind: 'http-500', retryable: true });
    await server!.close();
    const slow = await targetFor({ delayMs: 1000 }, { timeoutMs: 100 });
    expect(await targetFailure(slow.classify(digits.slice(0, 1), signal))).toMatchObject({ kind: 'timeout', retryable: true });
    const url = server!.url;
    await server!.close();
    server = undefined;
    const gone = httpClassifier({ type: 'http-classifier', url, labels: DIGIT_LABELS, input }, testContext({}));
    expect(await targetFailure(gone.classify(digits.slice(0, 1), signal))).toMatchObject({ kind: 'network', retryable: true });
  });

  it('maps malformed JSON, a missing path and an unknown label to bad-response', async () => {
    const malformed = await targetFor({ malformed: true });
    expect(await targetFailure(malformed.classify(digits.slice(0, 1), signal))).toMatchObject({ kind: 'bad-response', retryable: false });
    await server!.close();
    const pathless = await targetFor({}, { labelPath: '$.prediction.label' });
    const missing = await targetFailure(pathless.classify(digits.slice(0, 1), signal));
    expect(missing).toMatchObject({ kind: 'bad-response', message: expect.stringContaining('$.prediction.label') });
    await server!.close();
    const letters = await targetFor({}, { labels: 'abcdefghij'.split('') });
    const unknown = await targetFailure(letters.classify(digits.slice(0, 1), signal));
    expect(unknown).toMatchObject({ kind: 'bad-response', message: expect.stringContaining('neither one of the 10 class names') });
  });

  it('sends a text input as one string value, whatever it contains', async () => {
    const local = await startLocalServer((reply, request) => {
      const { text } = JSON.parse(request.body) as { text: string };
      replyJson(reply, { body: { result: { verdict: text.includes('free') ? 1 : 0 } } });
    });
    try {
      const spam = httpClassifier({ type: 'http-classifier', url: `${local.url}/spam`, labels: ['ham', 'spam'], body: { text: '{{input}}' }, labelPath: '$.result.verdict' }, testContext({}));
      const tricky = 'win a "free" {{inputs}} prize';
      expect(await spam.classify(['hello there', tricky], signal)).toEqual([{ label: 0 }, { label: 1 }]);
      expect(JSON.parse(local.received[1]!.body)).toEqual({ text: tricky });
      expect(spam).toMatchObject({ modality: 'text', access: 'label' });
      expect(spam.input).toBeUndefined();
    } finally {
      await local.close();
    }
  });

  it('refuses options that could not work, before sending anything', () => {
    const base = { type: 'http-classifier', url: 'http://127.0.0.1:9/predict', labels: ['a', 'b'], input } as const;
    expect(() => httpClassifier({ ...base, access: 'scores' }, testContext({}))).toThrow(expect.objectContaining({ path: 'target.probabilitiesPath' }));
    expect(() => httpClassifier({ ...base, body: { x: 1 } }, testContext({}))).toThrow(expect.objectContaining({ path: 'target.body' }));
    expect(() => httpClassifier({ ...base, batchSize: 8, body: { x: '{{input}}' } }, testContext({}))).toThrow(expect.objectContaining({ path: 'target.body' }));
    expect(() => httpClassifier({ ...base, batchSize: 8, labelPath: '$.label' }, testContext({}))).toThrow(expect.objectContaining({ path: 'target.labelPath' }));
    expect(() => httpClassifier({ ...base, headers: { authorization: 'Bearer ${NOT_SET}' } }, testContext({}))).toThrow(ConfigError);
  });
});
