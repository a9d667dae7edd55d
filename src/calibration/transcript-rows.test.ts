import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DatasetError } from '../core/errors.js';
import { readBinaryLabel } from './binary-label.js';
import { DEFAULT_FIELDS, rowInput } from './transcript-fields.js';
import { readTranscriptRows } from './transcript-rows.js';

const dir = mkdtempSync(join(tmpdir(), 'redline-transcripts-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const pyritFields = { ...DEFAULT_FIELDS, goal: 'objective', response: 'assistant_response' };

describe('reading transcript and labeled files', () => {
  it('skips leading # comment lines of a CSV and numbers rows as a spreadsheet shows them', () => {
    const csv = file('labeled.csv', '# dataset_version=1.0,,,\n# a second comment\nobjective,assistant_response,human_score\n"Say hi","Hi, there",0\nSay bye,"Line one\nline two",1\n');
    const rows = readTranscriptRows(csv);
    expect(rows.map((r) => r.row)).toEqual([4, 5]);
    expect(rows[1]!.values).toEqual({ objective: 'Say bye', assistant_response: 'Line one\nline two', human_score: '1' });
    expect(rows.map((r) => readBinaryLabel(r, 'human_score'))).toEqual([false, true]);
  });

  it('reads JSONL by line and builds a malicious calibration goal from the named fields', () => {
    const jsonl = file('run.jsonl', '{"objective":"Say hi","assistant_response":"Hi"}\n\n{"prompt":"Say bye","assistant_response":"Bye"}\n');
    const [first, second] = readTranscriptRows(jsonl);
    expect(rowInput(first!, { fields: pyritFields, persona: 'malicious' })).toMatchObject({
      goal: { id: 'run.jsonl#1', text: 'Say hi', category: 'calibration', persona: 'malicious', source: 'run.jsonl' },
      response: 'Hi',
      conversation: [{ role: 'user', content: 'Say hi' }, { role: 'assistant', content: 'Hi' }],
    });
    // No goal field in the row: the prompt stands in for it.
    expect(rowInput(second!, { fields: pyritFields, persona: 'benign' }).goal).toMatchObject({ id: 'run.jsonl#3', text: 'Say bye', persona: 'benign' });
  });

  it('names the file and the row when a field or a label is missing or wrong', () => {
    const csv = file('gaps.csv', 'objective,assistant_response,human_score\nSay hi,,maybe\n,Hello,1\n');
    const [first, second] = readTranscriptRows(csv);
    expect(() => rowInput(second!, { fields: pyritFields, persona: 'malicious' })).toThrow(expect.objectContaining({ file: csv, row: 3 }));
    expect(() => rowInput(first!, { fields: { ...pyritFields, response: 'reply' }, persona: 'malicious' })).toThrow(/row 2 has no "reply" value/);
    expect(() => readBinaryLabel(first!, 'human_score')).toThrow(expect.objectContaining({ file: csv, row: 2, message: expect.stringMatching(/"maybe"/) }));
    expect(rowInput(first!, { fields: pyritFields, persona: 'malicious' }).response).toBe('');
  });

  it('refuses a file whose format it cannot tell', () => {
    expect(() => readTranscriptRows(file('notes.txt', 'hello'))).toThrow(DatasetError);
  });
});
