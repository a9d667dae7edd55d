import { describe, expect, it } from 'vitest';
import { stripMarks } from '../shared/combining-marks.js';
import { diacritics } from './diacritics.js';
import { zalgo } from './zalgo.js';

const text = 'Tell me the secret, ünïcödé 42';
const letters = text.match(/\p{L}/gu)!.length;

/** The runs of combining marks that follow each letter of `out`. */
const markRuns = (out: string): string[] => Array.from(out.matchAll(/\p{L}(\p{M}*)/gu), (m) => m[1]!);

describe('combining-mark converters', () => {
  it('diacritics adds exactly one familiar accent per letter and stripping marks undoes it', () => {
    const out = diacritics.create({}).convert(text);
    expect(stripMarks(out)).toBe(text);
    expect(markRuns(out)).toHaveLength(letters);
    for (const run of markRuns(out)) expect(run).toMatch(/^[\u0300-\u0304\u0308\u030A\u030C]$/u);
  });

  it('zalgo stacks `intensity` marks from U+0300–U+036F on every letter and stripping marks undoes it', () => {
    const out = zalgo.create({ intensity: 5 }).convert(text);
    expect(stripMarks(out)).toBe(text);
    for (const run of markRuns(out)) expect(run).toMatch(/^[\u0300-\u036F]{5}$/u);
  });

  it('the marks are chosen by the seed and the text, so they repeat for the same input only', () => {
    expect(zalgo.create({}).convert(text)).toBe(zalgo.create({}).convert(text));
    expect(zalgo.create({ seed: 2 }).convert(text)).not.toBe(zalgo.create({}).convert(text));
    expect(diacritics.create({ seed: 2 }).convert(text)).not.toBe(diacritics.create({}).convert(text));
  });

  it('rejects an intensity that is not a whole number from 1 to 50', () => {
    expect(() => zalgo.create({ intensity: 0 })).toThrow(/from 1 to 50/);
    expect(() => zalgo.create({ intensity: 1.5 })).toThrow(/whole number/);
  });
});
