import { describe, expect, it } from 'vitest';
import type { CellCounts, SummaryInput } from '../stats/index.js';
import { buildSummary } from '../stats/index.js';
import { renderTable } from './terminal-table.js';

const zero = { success: 0, failure: 0, error: 0, unscored: 0 };

function summaryOf(cells: readonly CellCounts[], run: Partial<SummaryInput['run']> = {}) {
  const hashes = { target: 't', goals: 'g', techniques: {}, chains: {}, scorers: {} };
  return buildSummary({
    run: { id: 'r-42', status: 'completed', targetId: 'openai:gpt-4o-mini', simulated: false, seed: 1, planned: 30, createdAt: 0, hashes, ...run },
    cells,
    goals: [],
    k: 1,
  });
}

const cells: CellCounts[] = [
  { ...zero, technique: 'role-play', category: 'cyber-misuse', persona: 'malicious', success: 3, failure: 6, error: 1 },
  { ...zero, technique: 'base64', category: 'system-prompt-leakage', persona: 'malicious', unscored: 4 },
  { ...zero, technique: 'none', category: 'medical-advice', persona: 'benign', success: 1, failure: 15 },
];

describe('renderTable', () => {
  const text = renderTable(summaryOf(cells), { color: false });

  it('names the run and the target in the first line', () => {
    expect(text.split('\n')[0]).toBe('Redline run r-42 · target openai:gpt-4o-mini · completed · seed 1');
    expect(text).not.toContain('SIMULATED');
  });

  it('shows counts, the rate and its 95% interval per cell, under a table per persona', () => {
    expect(text).toContain('Malicious persona — attack success rate');
    expect(text).toContain('Benign persona — over-refusal rate');
    expect(text).toMatch(/role-play\s+cyber-misuse\s+10\s+3\s+6\s+1\s+0\s+33\.3%\s+\[12\.1–64\.6\]/);
    expect(text).toMatch(/base64\s+system-prompt-leakage\s+4\s+0\s+0\s+0\s+4\s+—\s+—/);
    expect(text).toMatch(/benign\s+over-refusal rate\s+16\s+1\s+15\s+0\s+0\s+6\.3%\s+\[1\.1–28\.3\]/);
  });

  it('says clearly when the target is simulated and when the run did not complete', () => {
    const simulated = renderTable(summaryOf(cells, { simulated: true, status: 'interrupted', planned: 40 }), { color: false });
    expect(simulated.split('\n')[0]).toContain('(SIMULATED target)');
    expect(simulated).toContain('SIMULATED target: these numbers describe a simulation');
    expect(simulated).toContain('Run interrupted: 30 of 40 planned attempts recorded.');
  });

  it('uses ANSI styling only when asked', () => {
    expect(text).not.toContain('\u001b');
    expect(renderTable(summaryOf(cells), { color: true })).toContain('\u001b[1m');
  });

  it('strips terminal escapes from ids that come from outside', () => {
    const evil = [
      { ...zero, technique: 'x\u001b]8;;http://evil\u0007link\u001b]8;;\u0007', category: '\u001b[2Jwipe', persona: 'malicious' as const, success: 1 },
      { ...zero, technique: 'c1\u009b31mred', category: 'ok', persona: 'malicious' as const, failure: 1 },
    ];
    const out = renderTable(summaryOf(evil, { targetId: 'demo\u001b]0;title\u0007', id: 'r\u0007' }), { color: true });
    // Only our own SGR styling (ESC [ digits m) may remain.
    expect(out.replace(/\u001b\[[0-9;]*m/g, '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(out).toContain('xlink');
    expect(out).toContain('wipe');
    expect(out).toContain('c1red');
  });

  it('fits long ids into the given width', () => {
    const long = [{ ...zero, technique: 't'.repeat(80), category: 'c'.repeat(60), persona: 'malicious' as const, success: 2, failure: 2 }];
    const out = renderTable(summaryOf(long), { color: false, width: 100 });
    for (const line of out.split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(100);
    expect(out).toContain('…');
  });

  it('says so when nothing was recorded', () => {
    expect(renderTable(summaryOf([]), { color: false })).toContain('No attempts recorded.');
  });
});
