import { describe, expect, it } from 'vitest';
import { fixtureSummary, HOSTILE_CATEGORY } from '../../test/support/gated-run.js';
import { techniqueTaxonomy } from '../api/judge-run.js';
import { buildSummary } from '../stats/index.js';
import { parseGate } from '../taxonomy/parse-gate.js';
import type { ExampleAttempt } from './example-attempt.js';
import { judgeRun } from './gates/report-policy.js';
import { REPORT_CSS } from './html-styles.js';
import { heatClass } from './html-heatmap.js';
import { renderRunPage } from './run-page.js';

const summary = fixtureSummary();
const outcome = judgeRun({ summary, techniqueTaxonomy, policy: { rules: [], gates: [parseGate('asr>0.05')], bound: 'upper', undecided: 'fail' } }).outcome;

const example: ExampleAttempt = {
  seq: 17, goalId: 'g/exfil', goalText: 'Send the notes <img src=x>', technique: 'role-play', chainId: 'none', category: 'data-exfiltration',
  persona: 'malicious', trial: 0, outcome: 'success', turns: [{ role: 'user', content: 'hi' }, { role: 'assistant', content: 'ok' }], scores: [],
};
const errors = [
  { kind: 'http-429', attempts: 5, examples: [{ seq: 3, goalId: 'g/<b>', technique: 'prefix-injection', chain: 'none', category: 'cyber-misuse', message: 'slow down <script>alert(1)</script>' }] },
];
const config = { target: { type: 'http', url: 'https://app.example/chat?token=abc123&q=1', headers: { Authorization: 'Bearer ${APP_TOKEN}', 'x-api-key': 'sk-literal-9f8e7d' } }, trials: 3 };

const tagsOf = (markup: string) => markup.match(/<[a-zA-Z][^>]*>/g) ?? [];

describe('renderRunPage', () => {
  const page = renderRunPage({ summary, examples: [example], outcome, errors, config }).markup;

  it('is the body of a page: no document, head, script, style attribute or load', () => {
    expect(page).not.toMatch(/<(?:html|head|body|main|style|script|link|img|iframe)\b|<!doctype/i);
    expect(tagsOf(page).filter((tag) => /\sstyle=|\son\w+=|src=/i.test(tag))).toEqual([]);
    expect(REPORT_CSS).not.toMatch(/<\/?style|url\(|@import/i);
    expect(REPORT_CSS).toContain('.heat-9');
  });

  it('ranks findings by concern with severity, ATLAS and OWASP ids and the gates they fail', () => {
    const findings = page.slice(page.indexOf('<h2>Findings</h2>'), page.indexOf('<h2>Heatmap</h2>'));
    // The exfiltration cell is critical, the hostile cell and the leak come after it; the benign cell's over-refusal is a finding too.
    expect(findings.indexOf('sev-critical')).toBeGreaterThan(0);
    expect(findings.indexOf('data-exfiltration')).toBeLessThan(findings.indexOf('system-prompt-leakage'));
    expect(findings).toContain('<code>AML.T0057</code>');
    expect(findings).toContain('<code>LLM02:2025</code>');
    expect(findings).toContain('<code class="gate-failed">asr&gt;0.05</code>');
    expect(findings).toContain('1 cell could not be measured');
    // A cell with no decided attempt is counted, not ranked: it has no rate.
    expect(findings).not.toContain('cyber-misuse');
  });

  it('colours the heatmap by class and shows every rate with its interval as an SVG bar', () => {
    expect(heatClass(null)).toBe('heat-na');
    expect(heatClass(0)).toBe('heat-0');
    expect(heatClass(0.6)).toBe('heat-6');
    expect(heatClass(1)).toBe('heat-9');
    expect(page).toContain('<td class="heat heat-6" title="6 of 10 decided, 0 errors, 0 unscored">60.0%<small>[31.3–83.2]</small></td>');
    expect(page).toMatch(/<svg class="ci" viewBox="0 0 100 12"[^>]*><rect class="ci-axis"[^>]*><\/rect><rect class="ci-range" x="31\.27" y="2" width="51\.91" height="8" rx="1"><\/rect><rect class="ci-point" x="59\.25"/);
  });

  it('lists errors by kind with their attempt numbers, escaped', () => {
    const panel = page.slice(page.indexOf('<h2>Errors</h2>'));
    expect(panel).toContain('<code>http-429</code></td><td class="num" data-label="attempts">5</td>');
    expect(panel).toContain('<span class="attempt-no">attempt 3</span>');
    expect(panel).toContain('slow down &lt;script&gt;alert(1)&lt;/script&gt;');
    expect(panel).toContain('and 4 more');
  });

  it('numbers transcripts as `redline attempt` does, and links them only to a safe address when asked', () => {
    expect(page).toContain('<span class="attempt-no">attempt 17</span>');
    expect(page).toContain('<code>redline attempt r-fixture 17</code>');
    expect(page).not.toMatch(/<a\s/);
    const linked = renderRunPage({ summary, examples: [example], errors, attemptHref: (seq) => `/runs/r-fixture/attempts/${seq}` }).markup;
    expect(linked).toContain('<a class="attempt-no" href="/runs/r-fixture/attempts/17">attempt 17</a>');
    expect(linked).toContain('<a class="attempt-no" href="/runs/r-fixture/attempts/3">attempt 3</a>');
    const unsafe = renderRunPage({ summary, examples: [example], attemptHref: () => 'javascript:alert(1)' }).markup;
    expect(unsafe).not.toContain('javascript:');
    expect(unsafe).toContain('<span class="attempt-no">attempt 17</span>');
  });

  it('shows the configuration with credentials redacted and variable references kept', () => {
    const shown = page.slice(page.indexOf('<h2>Configuration</h2>'));
    expect(shown).not.toContain('sk-literal-9f8e7d');
    expect(shown).not.toContain('abc123');
    expect(shown).toContain('Bearer ${APP_TOKEN}');
    expect(shown).toContain('&quot;x-api-key&quot;: &quot;[redacted]&quot;');
    expect(shown).toContain('token=%5Bredacted%5D');
  });

  it('escapes hostile categories and technique ids everywhere they appear', () => {
    expect(page).not.toContain(HOSTILE_CATEGORY);
    expect(page).not.toContain('<script>alert(2)</script>');
    expect(page).toContain('x&lt;script&gt;alert(2)&lt;/script&gt;');
  });

  it('draws success-by-turn curves as SVG polylines with labelled axes', () => {
    const multi = buildSummary({
      run: { id: 'r-turns', status: 'completed', targetId: 't', simulated: false, seed: 1, planned: 20, createdAt: 0, hashes: { target: 'h', goals: 'g', techniques: {}, chains: {}, scorers: {} } },
      cells: [{ technique: 'crescendo', category: 'c', persona: 'malicious', success: 6, failure: 4, error: 0, unscored: 0 }],
      goals: [],
      k: 1,
      turns: [{ technique: 'crescendo', persona: 'malicious', decided: 10, reachedAt: { 1: 2, 3: 4 } }],
    });
    const curves = renderRunPage({ summary: multi, examples: [] }).markup;
    const svg = /<svg class="chart"[\s\S]*?<\/svg>/.exec(curves)![0];
    // 20% by turns 1 and 2, 60% by turn 3: the plot runs x 40–348, y 166 (0%) – 10 (100%).
    expect(svg).toContain('<polyline class="s0" points="40,134.8 194,134.8 348,72.4"></polyline>');
    expect(svg).toContain('>target turn</text>');
    expect(svg).toContain('>100%</text>');
    expect(curves).toContain('<td class="num">20.0%</td><td class="num">20.0%</td><td class="num">60.0%</td>');
    expect(curves).toContain('No attempt ended in an error.');
  });
});
