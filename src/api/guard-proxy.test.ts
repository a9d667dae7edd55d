import { describe, expect, it } from 'vitest';
import { ConfigError, LayerError, TargetError } from '../core/errors.js';
import { chatCompletionOf, chatRequestOf } from './chat-completion-wire.js';
import { proxyFailure } from './guard-proxy.js';

describe('the guard proxy wire', () => {
  it('reads text messages, and refuses what it cannot guard with a 400 naming the field', () => {
    expect(chatRequestOf({ model: 'm', messages: [{ role: 'developer', content: 'be terse' }, { role: 'user', content: [{ type: 'text', text: 'hi' }] }] }))
      .toEqual({ messages: [{ role: 'system', content: 'be terse' }, { role: 'user', content: 'hi' }], seed: 0 });
    const refused = (body: unknown) => proxyFailure((() => { try { chatRequestOf(body); } catch (e) { return e; } return undefined; })());
    expect(refused({ stream: true, messages: [{ role: 'user', content: 'x' }] })).toMatchObject({ status: 400, body: { error: { param: 'stream' } } });
    expect(refused({ messages: [{ role: 'tool', content: 'x' }] })).toMatchObject({ status: 400, body: { error: { param: 'messages[0].role' } } });
    expect(refused({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'x' } }] }] })).toMatchObject({ status: 400 });
    expect(refused({ messages: [{ role: 'user', content: 'x' }, { role: 'assistant', content: 'y' }] })).toMatchObject({ status: 400 });
  });

  it('fails closed: a failing layer is a 502 naming it, an upstream failure a 502 without its text, a timeout a 504', () => {
    const layer = proxyFailure(new LayerError('layer guard(x) failed: secret detail', { layer: 'guard(x)', targetId: 't', kind: 'layer-error', retryable: false }));
    expect(layer).toMatchObject({ status: 502, failedLayer: 'guard(x)', body: { error: { code: 'layer_error' } } });
    expect(JSON.stringify(layer.body)).toMatch(/guard\(x\) failed/);
    expect(JSON.stringify(layer.body)).not.toMatch(/secret detail/);
    const upstream = proxyFailure(new TargetError('401 Incorrect API key provided: sk-abc', { targetId: 't', kind: 'http-401', status: 401, retryable: false }));
    expect(upstream.status).toBe(502);
    expect(JSON.stringify(upstream.body)).not.toMatch(/sk-abc/);
    expect(proxyFailure(new TargetError('slow', { targetId: 't', kind: 'timeout', retryable: true })).status).toBe(504);
    expect(proxyFailure(new ConfigError('bad', { file: '<request>', path: 'n' })).status).toBe(400);
  });

  it('reports a block as content_filter with the blocking layer, and withholds output layers\' reasons', () => {
    const completion = chatCompletionOf({
      text: '', metadata: { finishReason: 'content_filter', blockedBy: 'output-classifier(classifier=secret)' },
      layers: [{ layer: 'output-classifier(classifier=secret)', stage: 'output', decision: 'block', reason: 'secret flagged “CANARY-42”', latencyMs: 1 }],
    }, { id: 'c', model: 'm', created: 0 });
    expect(completion).toMatchObject({ choices: [{ finish_reason: 'content_filter', message: { content: '' } }], redline: { blockedBy: 'output-classifier(classifier=secret)' } });
    expect(JSON.stringify(completion)).not.toMatch(/CANARY-42/);
    expect(completion).not.toHaveProperty('usage');
  });
});
