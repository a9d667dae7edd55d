import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const text = 'prompt,response\n"Hi, there","She said ""no""\nand left"\nplain,text\n';
    expect(parseCsv(text).records).toEqual([
      ['prompt', 'response'],
      ['Hi, there', 'She said "no"\nand left'],
      ['plain', 'text'],
    ]);
  });

  it('accepts CRLF and bare CR record ends and keeps line breaks inside quoted fields', () => {
    expect(parseCsv('a,b\r\n"x\r\ny",z\r\nc,d\re,f').records).toEqual([['a', 'b'], ['x\r\ny', 'z'], ['c', 'd'], ['e', 'f']]);
  });

  it('drops a leading byte-order mark, so the first column keeps its name', () => {
    expect(parseCsv('\uFEFFgoal,target\nx,y\n').records[0]).toEqual(['goal', 'target']);
  });

  it('keeps empty fields and a last record without a line break', () => {
    expect(parseCsv('a,,""\n,b,').records).toEqual([['a', '', ''], ['', 'b', '']]);
  });

  it('reports the record whose quoted field never closes', () => {
    expect(parseCsv('a,b\nc,"never closed\n').unclosedQuoteRow).toBe(2);
  });
});
