import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, DatasetError, TargetError } from '../../core/errors.js';
import type { Target } from '../../core/target.js';
import type { TargetContext } from '../context.js';
import type { ReplayTargetInput } from './options.js';
import { createReplayTarget } from './replay-target.js';

const baseDir = mkdtempSync(join(tmpdir(), 'redline-replay-'));
afterAll(() => rmSync(baseDir, { recursive: true, force: true }));
const context: TargetContext = { env: {}, baseDir, configFile: join(baseDir, 'redline.yaml') };

function replay(name: string, contents: string, options: Partial<ReplayTargetInput> = {}): Target {
  writeFileSync(join(baseDir, name), contents);
  return createReplayTarget({ type: 'replay', file: name, ...options }, context);
}

async function ask(target: Target, prompt: string): Promise<string> {
  const request = { messages: [{ role: 'user' as const, content: prompt }], seed: 0 };
  return (await target.send(request, new AbortController().signal)).text;
}

function thrown(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('createReplayTarget', () => {
  it('answers from JSONL with custom field names and names itself after the file', async () => {
    const lines = [{ q: 'Hello?', a: 'Hi!' }, { q: 'Line\nbreak, "quoted"', a: 'ok' }].map((row) => JSON.stringify(row));
    const target = replay('chat.jsonl', `${lines.join('\n')}\n\n`, { promptField: 'q', responseField: 'a' });
    expect(target).toMatchObject({ id: 'replay:chat.jsonl', simulated: false });
    expect(target.capabilities).toEqual({ multiTurn: false, systemPrompt: false, documents: false });
    expect(await ask(target, 'Hello?')).toBe('Hi!');
    expect(await ask(target, 'Line\nbreak, "quoted"')).toBe('ok');
  });

  it('answers from CSV with quotes, commas and line breaks inside fields (CRLF file)', async () => {
    const csv = 'prompt,response\r\n"Say ""hi"", please","Hi, you.\r\nBye."\r\nplain,answer\r\n';
    const target = replay('chat.csv', csv);
    expect(await ask(target, 'Say "hi", please')).toBe('Hi, you.\r\nBye.');
    expect(await ask(target, 'plain')).toBe('answer');
  });

  it('matches on normalised whitespace and answers the last user message', async () => {
    const target = replay('spaces.jsonl', JSON.stringify({ prompt: 'What  is\tthis?', response: 'a test' }));
    expect(await ask(target, '  What is this?\n')).toBe('a test');
    const request = {
      messages: [
        { role: 'user' as const, content: 'earlier' },
        { role: 'assistant' as const, content: 'reply' },
        { role: 'user' as const, content: 'What  is\tthis?' },
      ],
      seed: 0,
    };
    expect((await target.send(request, new AbortController().signal)).text).toBe('a test');
  });

  it('answers a prompt recorded twice in recorded order, cycling', async () => {
    const rows = ['first', 'second'].map((response) => JSON.stringify({ prompt: 'again', response }));
    const target = replay('dupes.jsonl', rows.join('\n'));
    const answers = [await ask(target, 'again'), await ask(target, 'again'), await ask(target, 'again')];
    expect(answers).toEqual(['first', 'second', 'first']);
  });

  it('rejects an unknown prompt with a TargetError of kind unknown-prompt', async () => {
    const target = replay('known.jsonl', JSON.stringify({ prompt: 'known', response: 'yes' }));
    const error = await ask(target, 'never recorded '.repeat(10)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TargetError);
    expect(error).toMatchObject({ kind: 'unknown-prompt', retryable: false, targetId: 'replay:known.jsonl' });
    expect((error as Error).message).toContain('no recorded response for this prompt (first 60 chars: "never recorded');
  });

  it('names the row of a missing field, in JSONL and in CSV', () => {
    const jsonl = thrown(() => replay('missing.jsonl', '{"prompt":"a","response":"b"}\n{"prompt":"c"}\n'));
    expect(jsonl).toBeInstanceOf(DatasetError);
    expect(jsonl).toMatchObject({ row: 2, file: join(baseDir, 'missing.jsonl') });
    expect((jsonl as Error).message).toContain('row 2 has no "response" field');
    const csv = thrown(() => replay('missing.csv', 'prompt,response\na,b\n"multi\nline",x\nshort\n'));
    expect(csv).toMatchObject({ row: 4 });
    expect(thrown(() => replay('header.csv', 'question,answer\na,b\n'))).toMatchObject({ row: 1 });
  });

  it('reports bad JSON, an unreadable file and an unknown extension', () => {
    expect(thrown(() => replay('bad.jsonl', '{"prompt":"a","response":"b"}\n{oops\n'))).toMatchObject({ row: 2 });
    const missing = thrown(() => createReplayTarget({ type: 'replay', file: 'absent.jsonl' }, context));
    expect(missing).toBeInstanceOf(DatasetError);
    expect((missing as DatasetError).hint).toBeDefined();
    expect(thrown(() => replay('data.txt', 'x'))).toBeInstanceOf(ConfigError);
  });
});
