import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, TargetError } from '../../core/errors.js';
import type { Target, TargetRequest } from '../../core/target.js';
import { targetFailure } from '../../../test/support/local-server.js';
import { chatMlTemplate } from '../../../test/support/tiny-llama-gguf.js';
import { writeTinyModel, type TinyModelFile } from '../../../test/support/tiny-model-file.js';
import { createLlamaCppTarget } from './llama-cpp-target.js';
import type { LlamaCppTargetInput } from './llama-cpp-options.js';

const dir = mkdtempSync(join(tmpdir(), 'redline-llama-'));
const context = { env: {}, baseDir: dir, configFile: join(dir, 'redline.yaml') };
const ask = (content: string, seed = 1): TargetRequest => ({ messages: [{ role: 'user', content }], seed });
const signal = () => new AbortController().signal;

let random: TinyModelFile;
let hello: TinyModelFile;
let guard: TinyModelFile;
beforeAll(() => {
  random = writeTinyModel({ dir, name: 'random.gguf', seed: 7, chatTemplate: chatMlTemplate });
  hello = writeTinyModel({ dir, name: 'hello.gguf', seed: 7, chatTemplate: chatMlTemplate, reply: ['Hello', '▁from', '▁the', '▁app.'] });
  guard = writeTinyModel({ dir, name: 'guard.gguf', seed: 7, reply: ['unsafe', '\nS1,S9'] });
});

describe('createLlamaCppTarget', () => {
  const open: Target[] = [];
  afterEach(async () => {
    while (open.length > 0) await open.pop()!.close?.();
  });
  const target = (file: TinyModelFile, extra: Partial<LlamaCppTargetInput> = {}): Target => {
    // The path as a configuration writes it: relative to the configuration file's folder.
    const built = createLlamaCppTarget({ type: 'llama-cpp', model: file.path.slice(dir.length + 1), sha256: file.sha256, contextSize: 512, ...extra }, context);
    open.push(built);
    return built;
  };

  it('loads a generated GGUF on the first request and answers through the model’s chat template', async () => {
    const llama = target(hello);
    expect(llama.id).toBe('llama-cpp:hello.gguf');
    expect(llama.capabilities).toEqual({ multiTurn: true, systemPrompt: true, documents: false });
    const response = await llama.send(ask('hi'), signal());
    expect(response.text).toBe('Hello from the app.');
    expect(response.metadata).toEqual({ finishReason: 'stop' });
    // Four pieces and the end-of-generation token; the prompt is the ChatML-wrapped turn.
    expect(response.usage).toMatchObject({ completionTokens: 5 });
    expect(response.usage!.promptTokens).toBeGreaterThan(5);
    const longer = await llama.send({ messages: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'Hello from the app.' }, { role: 'user', content: 'and?' }], seed: 1 }, signal());
    expect(longer.text).toBe('Hello from the app.');
    expect(longer.usage!.promptTokens).toBeGreaterThan(response.usage!.promptTokens);
  });

  it('samples with the request seed: the same seed gives the same text, another seed another; greedy without a temperature', async () => {
    const sampled = target(random, { temperature: 0.9, maxTokens: 24 });
    const first = await sampled.send(ask('hi', 11), signal());
    expect(first.text.length).toBeGreaterThan(0);
    expect(first.metadata).toEqual({ finishReason: 'length' });
    expect(first.usage?.completionTokens).toBe(24);
    expect((await sampled.send(ask('hi', 11), signal())).text).toBe(first.text);
    expect((await sampled.send(ask('hi', 12), signal())).text).not.toBe(first.text);
    const greedy = target(random, { maxTokens: 24 });
    const a = await greedy.send(ask('hi', 1), signal());
    expect((await greedy.send(ask('hi', 2), signal())).text).toBe(a.text);
  });

  it('renders a classifier format’s prompt for a raw completion, and refuses a conversation that format cannot hold', async () => {
    const llama = target(guard, { promptFormat: 'llama-guard-3' });
    expect(llama.capabilities).toEqual({ multiTurn: true, systemPrompt: false, documents: false });
    const exchange: TargetRequest = { messages: [{ role: 'user', content: 'How do I pick a lock?' }, { role: 'assistant', content: 'Step one…' }], seed: 0 };
    expect((await llama.send(exchange, signal())).text).toBe('unsafe\nS1,S9');
    const system: TargetRequest = { messages: [{ role: 'system', content: 'x' }, { role: 'user', content: 'y' }], seed: 0 };
    expect(await targetFailure(llama.send(system, signal()))).toMatchObject({ kind: 'bad-request', retryable: false, message: expect.stringContaining('alternating user and assistant') });
    expect(target(guard, { promptFormat: 'harmbench' }).capabilities.multiTurn).toBe(false);
  });

  it('refuses a missing file when it is built, naming the path and the pinned SHA-256', () => {
    const sha256 = 'a'.repeat(64);
    const build = () => createLlamaCppTarget({ type: 'llama-cpp', model: 'models/absent.gguf', sha256 }, context);
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(expect.objectContaining({
      path: 'target.model', message: expect.stringContaining(join(dir, 'models/absent.gguf')), hint: `download the GGUF yourself, then pin its hash: sha256sum ${join(dir, 'models/absent.gguf')}`,
    }));
    expect(build).toThrow(expect.objectContaining({ message: expect.stringContaining(sha256) }));
  });

  it('refuses a file whose SHA-256 is not the pinned one before loading it, naming the path, the expected and the actual hash', async () => {
    const pinned = random.sha256.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    const llama = target({ path: random.path, sha256: pinned });
    const failure = llama.send(ask('hi'), signal());
    await expect(failure).rejects.toBeInstanceOf(ConfigError);
    await expect(failure).rejects.toMatchObject({
      path: 'target.sha256', message: `target.sha256: ${random.path} does not match its pinned SHA-256: expected ${pinned}, actual ${random.sha256}`,
      hint: expect.stringContaining(`sha256sum ${random.path}`),
    });
    // The file is hashed once: later requests fail the same way at once.
    await expect(llama.send(ask('again'), signal())).rejects.toMatchObject({ path: 'target.sha256' });
    // Upper-case hex is the same pin.
    expect((await target({ path: random.path, sha256: random.sha256.toUpperCase() }, { maxTokens: 2 }).send(ask('hi'), signal())).text).toBeTypeOf('string');
  });

  it('reports a file llama.cpp cannot load as a non-retryable model-load error naming it', async () => {
    // A download cut short: the header is whole, the tensor data is not.
    const bytes = readFileSync(random.path);
    const path = join(dir, 'truncated.gguf');
    writeFileSync(path, bytes.subarray(0, bytes.length >> 1));
    const llama = target({ path, sha256: createHash('sha256').update(bytes.subarray(0, bytes.length >> 1)).digest('hex') });
    const error = await targetFailure(llama.send(ask('hi'), signal()));
    expect(error).toBeInstanceOf(TargetError);
    expect(error).toMatchObject({ kind: 'model-load', retryable: false, message: expect.stringContaining(`could not load ${path}`) });
  });

  it('validates its options with paths the user can find', () => {
    const build = (extra: Record<string, unknown>) => () => createLlamaCppTarget({ type: 'llama-cpp', model: 'random.gguf', sha256: random.sha256, ...extra } as LlamaCppTargetInput, context);
    expect(build({ sha256: 'abc' })).toThrow(expect.objectContaining({ path: 'target.sha256', message: expect.stringContaining('64 hex digits') }));
    expect(build({ promptFormat: 'llama-guard-3', systemPrompt: 'x' })).toThrow(expect.objectContaining({ path: 'target.systemPrompt' }));
    expect(build({ promptFormat: 'guard' })).toThrow(expect.objectContaining({ path: 'target.promptFormat' }));
  });
});
