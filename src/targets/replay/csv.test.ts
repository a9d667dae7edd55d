import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'prompt,response\n"Hi, there","She said ""no""\nand left"\nplain,text\n';
    expect(parseCsv(text)).toEqual({
      records: [
        ['prompt', 'response'],
        ['Hi, there', 'She said "no"\nand left'],
        ['plain', 'text'],
      ],
    });
  });

  it('accepts CRLF record ends and keeps CRLF inside quoted fields', () => {
    expect(parseCsv('a,b\r\n"x\r\ny",z\r\n').records).toEqual([
      ['a', 'b'],
      ['x\r\ny', 'z'],
    ]);
  });

  it('keeps empty fields and a last record without a line break', () => {
    expect(parseCsv('a,,""\n,b,').records).toEqual([
      ['a', '', ''],
      ['', 'b', ''],
    ]);
  });

  it('reports the row of a quoted field that never closes', () => {
    expect(parseCsv('a,b\nc,"never closed\n').unclosedQuoteRow).toBe(2);
  });
});
