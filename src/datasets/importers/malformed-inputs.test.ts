import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, DatasetError } from '../../core/errors.js';
import { advbench } from './advbench.js';
import { bbq } from './bbq.js';
import { cyberseceval } from './cyberseceval.js';
import { harmbench } from './harmbench.js';
import { parseFieldMappings, readMappedGoals } from './mapped.js';

const dir = mkdtempSync(join(tmpdir(), 'redline-datasets-'));
const write = (name: string, content: string | Buffer): string => {
  const file = join(dir, name);
  writeFileSync(file, content);
  return file;
};
const failure = (read: () => unknown): DatasetError => {
  try {
    read();
  } catch (error) {
    if (error instanceof DatasetError) return error;
    throw error;
  }
  throw new Error('expected a DatasetError');
};

describe('malformed dataset files', () => {
  it('names the missing goal column at the header row, with the columns it has', () => {
    const error = failure(() => harmbench.load(write('hb.csv', 'Prompt,FunctionalCategory,SemanticCategory,BehaviorID\nx,standard,illegal,x1\n')));
    expect(error.message).toContain('has no column "Behavior"');
    expect(error).toMatchObject({ row: 1, file: join(dir, 'hb.csv') });
    expect(error.hint).toContain('"Prompt"');
  });

  it('names the spreadsheet row of a record with an empty goal, counting the quoted line break above it', () => {
    const error = failure(() => advbench.load(write('adv.csv', 'goal,target\n"two\nlines",t\n,t\n')));
    expect(error).toMatchObject({ row: 3, message: expect.stringContaining('row 3 has no "goal" value') });
  });

  it('names the line of a bad JSON line and the row of a missing field', () => {
    expect(failure(() => bbq.load(write('bbq.jsonl', '{"context": "c"}\n{not json\n')))).toMatchObject({ row: 2 });
    expect(failure(() => bbq.load(write('bbq2.jsonl', '\n{"example_id": 1, "category": "Age", "question": "q"}\n')))).toMatchObject({
      row: 2,
      message: expect.stringContaining('"context"'),
    });
    expect(failure(() => cyberseceval.load(write('pi.json', '[{"prompt_id": 0, "user_input": "x"}]')))).toMatchObject({ row: 1 });
  });

  it('refuses Latin-1 bytes, naming their line', () => {
    const latin1 = Buffer.concat([Buffer.from('goal,target\nfine,t\ncaf'), Buffer.from([0xe9]), Buffer.from(',t\n')]);
    const error = failure(() => advbench.load(write('latin1.csv', latin1)));
    expect(error).toMatchObject({ row: 3, message: expect.stringContaining('not UTF-8') });
    expect(error.hint).toContain('UTF-8');
  });

  it('says when a file is missing, and points at pull', () => {
    expect(failure(() => advbench.load(join(dir, 'absent.csv'))).hint).toContain('redline datasets pull');
  });
});

describe('the generic mapping', () => {
  it('maps CSV columns to goal fields and keeps the other columns as metadata', () => {
    const file = write('mine.csv', '\uFEFFkey,prompt,kind,who,note\r\nk1,"Say ""hi""",greeting,benign,n1\r\nk2,Do harm,harm,malicious,\r\n');
    const goals = readMappedGoals(file, { fields: { goal: 'prompt', id: 'key', category: 'kind', persona: 'who' } });
    expect(goals).toEqual([
      { id: 'mine.csv/k1', text: 'Say "hi"', category: 'greeting', persona: 'benign', source: 'mine.csv', metadata: { note: 'n1' } },
      { id: 'mine.csv/k2', text: 'Do harm', category: 'harm', persona: 'malicious', source: 'mine.csv' },
    ]);
  });

  it('reads JSONL with defaults for the unmapped fields', () => {
    const goals = readMappedGoals(write('mine.jsonl', '{"q": "one", "n": 3}\n\n{"q": "two"}\n'), { fields: { goal: 'q' }, persona: 'benign' });
    expect(goals.map((g) => [g.id, g.category, g.persona, g.metadata?.n])).toEqual([
      ['mine.jsonl/1', 'custom', 'benign', '3'],
      ['mine.jsonl/3', 'custom', 'benign', undefined],
    ]);
  });

  it('rejects a CSV without the mapped goal column, a bad persona and a mapping without goal', () => {
    expect(failure(() => readMappedGoals(write('m1.csv', 'text\nx\n'), { fields: { goal: 'prompt' } }))).toMatchObject({ row: 1 });
    expect(failure(() => readMappedGoals(write('m2.csv', 'p,who\nx,attacker\n'), { fields: { goal: 'p', persona: 'who' } }))).toMatchObject({ row: 2 });
    expect(() => readMappedGoals(write('m3.csv', 'p\nx\n'), { fields: { id: 'p' } })).toThrow(ConfigError);
  });

  it('parses --field goal=column pairs', () => {
    expect(parseFieldMappings(['goal=prompt', 'id = key', 'category=a=b'])).toEqual({ goal: 'prompt', id: 'key', category: 'a=b' });
    expect(() => parseFieldMappings(['text=prompt'])).toThrow(ConfigError);
    expect(() => parseFieldMappings(['id=key'])).toThrow(/goal column/);
  });
});
