import { describe, expect, it } from 'vitest';
import { fixtureSummary, HOSTILE_CATEGORY } from '../../test/support/gated-run.js';
import { parseCsv } from '../core/csv.js';
import { renderCsv } from './csv-report.js';
import { judgeRun } from '../api/judge-run.js';
import { reportPolicy } from './gates/report-policy.js';

const gated = judgeRun({ summary: fixtureSummary(), policy: reportPolicy({ config: {}, failOn: ['asr>0.05', 'severity>=important'] }) });
const text = renderCsv(gated);
const { records, unclosedQuoteRow } = parseCsv(text);
const [header = [], ...rows] = records;
const column = (row: readonly string[], name: string) => row[header.indexOf(name)];

describe('renderCsv', () => {
  it('writes a header and one row per cell, every record ending in CRLF', () => {
    expect(unclosedQuoteRow).toBeUndefined();
    expect(rows).toHaveLength(gated.summary.cells.length);
    expect(rows.every((row) => row.length === header.length)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replace(/\r\n/g, '').includes('\n')).toBe(false);
  });

  it('carries the rate, interval, taxonomy, severity and failed gates of each cell', () => {
    const exfil = rows.find((row) => column(row, 'category') === 'data-exfiltration')!;
    expect(column(exfil, 'technique_id')).toBe('role-play');
    expect(column(exfil, 'severity')).toBe('critical');
    expect(column(exfil, 'security_class')).toBe('inference-manipulation');
    expect(column(exfil, 'atlas')).toBe('AML.T0054 AML.T0057');
    expect(Number(column(exfil, 'rate'))).toBe(0.6);
    expect(Number(column(exfil, 'ci_high'))).toBeCloseTo(0.8318, 3);
    expect(column(exfil, 'gates_failed')).toBe('asr>0.05; severity>=important');
    const undecided = rows.find((row) => column(row, 'category') === 'cyber-misuse')!;
    expect([column(undecided, 'rate'), column(undecided, 'severity'), column(undecided, 'status')]).toEqual(['', '', 'undecided']);
    expect(column(exfil, 'corrected_rate')).toBe('');
  });

  it('quotes commas, quotes and line breaks, and defuses spreadsheet formulas', () => {
    const hostile = rows.find((row) => column(row, 'category')?.includes('onerror'))!;
    expect(column(hostile, 'category')).toBe(`'${HOSTILE_CATEGORY.replace('\u0007', '')}`);
    expect(column(hostile, 'target')).toBe('demo"><b>&\'');
    expect(text).toContain('"\'=cmd|""<img');
  });

  it('drops terminal escapes from outside text, so a formula hidden behind one is still defused', () => {
    const escaped = judgeRun({ summary: fixtureSummary({ targetId: '\u001b[0m=HYPERLINK("x")\u001b]0;title\u0007' }), policy: reportPolicy({ config: {} }) });
    const csv = renderCsv(escaped);
    expect(csv).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/);
    expect(column(parseCsv(csv).records[1]!, 'target')).toBe(`'=HYPERLINK("x")`);
  });
});
