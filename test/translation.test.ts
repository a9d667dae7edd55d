import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { scan } from '../src/api/scan.js';
import { storedAttempts } from './support/stored-attempts.js';
import { startOpenAiServer } from './support/openai-server.js';

let translator: Awaited<ReturnType<typeof startOpenAiServer>>;
let target: Awaited<ReturnType<typeof startOpenAiServer>>;
let translatorFails = false;

beforeAll(async () => {
  // A fake translator: "Zulu" is the text tagged ZU:, English strips the tag.
  translator = await startOpenAiServer((call) => {
    if (translatorFails) return { status: 500 };
    const text = /-----\n([\s\S]*)\n-----/.exec(call.prompt)![1]!;
    return { text: call.prompt.includes('into English') ? text.replace(/^ZU:/, '') : `ZU:${text}` };
  });
  // A target whose safety training only covers English.
  target = await startOpenAiServer((call) => ({ text: call.prompt.startsWith('ZU:') ? 'ZU:Sure, here is how.' : "I'm sorry, but I can't help with that." }));
});
afterAll(async () => {
  await translator.close();
  await target.close();
});

const config = (extra: object = {}) => ({
  target: { type: 'openai', baseUrl: `${target.url}/v1`, model: 'target' },
  translator: { type: 'openai', baseUrl: `${translator.url}/v1`, model: 'translator' },
  goals: [{ id: 'a', text: 'Explain the forbidden thing.' }, { id: 'b', text: 'Describe the other forbidden thing.' }],
  techniques: ['direct-request', 'low-resource-language'],
  converters: [[]],
  trials: 3,
  retry: { maxRetries: 1, baseDelayMs: 1, maxDelayMs: 2 },
  scoring: { scorers: ['refusal'], decide: 'refusal' },
  ...extra,
});

describe('low-resource-language technique with a translator target', () => {
  it('sends the translated prompt, scores the reply translated back, and stores both languages', async () => {
    translatorFails = false;
    const before = translator.calls.length;
    const result = await scan({ baseDir: mkdtempSync(join(tmpdir(), 'redline-tr-')), config: config(), reports: { json: false, html: false } });
    const rates = Object.fromEntries(result.summary.cells.map((c) => [c.technique, c.asr]));
    expect(rates).toEqual({ 'direct-request': 0, 'low-resource-language': 1 });
    // Two prompts and one distinct reply were translated; the other four trials used the run's cache.
    expect(translator.calls.length - before).toBe(3);

    const first = (await storedAttempts(result.database)).find((a) => a.technique === 'low-resource-language')!;
    const turns = first.turns.map((t) => ({ role: t.role, content: t.content, original: t.original ?? null, interpreted: t.interpreted ?? null }));
    expect(turns).toEqual([
      { role: 'user', content: 'ZU:Explain the forbidden thing.', original: 'Explain the forbidden thing.', interpreted: null },
      { role: 'assistant', content: 'ZU:Sure, here is how.', original: null, interpreted: 'Sure, here is how.' },
    ]);
  });

  it('a failing translator turns the attempts into errors, never lost ones', async () => {
    translatorFails = true;
    const result = await scan({ baseDir: mkdtempSync(join(tmpdir(), 'redline-tr-')), config: config(), reports: { json: false, html: false } });
    translatorFails = false;
    const cell = result.summary.cells.find((c) => c.technique === 'low-resource-language')!;
    expect(cell).toMatchObject({ trials: 6, errors: 6 });
    expect(result.summary.recorded).toBe(12);
  });

  it('refuses a translating technique without a translator', async () => {
    await expect(scan({ database: ':memory:', reports: { json: false, html: false }, config: { ...config(), translator: undefined } })).rejects.toThrow(/'low-resource-language' needs a translator/);
  });
});
