import type { RateFields, RunSummary } from '../stats/index.js';
import { formatInterval, formatPercent } from './format-rate.js';
import { personaTitle } from './persona-title.js';
import { techniqueLabel } from '../core/counts.js';
import { correctedLines } from './corrected-lines.js';
import { sampleLines } from './sample-lines.js';
import { pooledLines } from './pooled-lines.js';
import { hasRefusalBased, REFUSAL_BASED, REFUSAL_BASED_NOTE } from './refusal-based.js';
import { contentFilterLines } from './filter-lines.js';
import { costLines } from './cost-lines.js';
import { detectorLines } from './detector-lines.js';
import { disparityLines } from './disparity-lines.js';
import { sanitizeTerminal } from './sanitize-terminal.js';
import type { TextRow } from './text-columns.js';
import { layoutColumns, truncate } from './text-columns.js';

/** How to render the terminal table. */
export type TableOptions = {
  /** Use ANSI styling (bold headings, a highlighted simulated-target warning). */
  readonly color: boolean;
  /** Terminal width in columns; long ids are shortened to fit. */
  readonly width?: number;
};

const FIGURE_HEADERS = ['trials', 'succ', 'fail', 'err', 'unsc', 'rate', '95% CI'];
const RATE_NOTE = 'Rate = successes / (successes + failures); 95% Wilson interval; errors and unscored are not in the rate.';
/** Renders a run summary as plain-text tables for a terminal: a header, a table per persona, then overall rows. */
export function renderTable(summary: RunSummary, options: TableOptions): string {
  const style = styler(options.color);
  const fit = (line: string): string => (options.width === undefined ? line : truncate(line, options.width));
  const lines: string[] = [style.bold(fit(headerLine(summary)))];
  if (summary.target.simulated) {
    lines.push(style.warn(fit('SIMULATED target: these numbers describe a simulation, not a real AI system.')));
  }
  if (summary.status !== 'completed') {
    lines.push(fit(`Run ${sanitizeTerminal(summary.status)}: ${summary.recorded} of ${summary.planned} planned attempts recorded.`));
  }
  // With more than one converter chain, each technique × chain pooled over categories comes first: what each chain buys.
  const chains = new Set(summary.techniqueChains.map((row) => row.chain));
  const chainSections: Section[] = chains.size < 2 ? [] : summary.overall.map((overall) => ({
    title: `${personaTitle(overall.persona)} — ${overall.rateName} by technique × converter chain (pooled over categories)`,
    headers: ['technique', 'chain'],
    rows: summary.techniqueChains.filter((row) => row.persona === overall.persona).map((row) => figureRow([row.technique, row.chain], row)),
  }));
  const sections: Section[] = [...chainSections, ...summary.overall.map((overall) => ({
    title: `${personaTitle(overall.persona)} — ${overall.rateName}`,
    headers: ['technique', 'category'] as const,
    rows: summary.cells.filter((cell) => cell.persona === overall.persona).map((cell) => figureRow([techniqueLabel(cell), cell.refusalBased ? `${cell.category} (${REFUSAL_BASED})` : cell.category], cell)),
  }))];
  if (sections.length > 0) {
    sections.push({ title: 'Overall', headers: ['persona', 'measure'], rows: summary.overall.map((row) => figureRow([row.persona, row.rateName], row)) });
  }
  lines.push(...renderSections(sections, options, style));
  lines.push(...pooledLines(summary, options).map((line, i) => (i === 1 ? style.bold(fit(line)) : fit(line))));
  lines.push(...correctedLines(summary, options).map((line, i) => (i === 1 ? style.bold(fit(line)) : fit(line))));
  lines.push(...sampleLines(summary, options).map((line, i) => (i === 1 ? style.bold(fit(line)) : fit(line))));
  lines.push(...disparityLines(summary.disparities, options).map((line, i) => (i === 1 ? style.bold(fit(line)) : fit(line))));
  lines.push(...detectorLines(summary, options).map((line, i) => (i === 1 ? style.bold(fit(line)) : fit(line))));
  lines.push('', fit(sections.length > 0 ? RATE_NOTE : 'No attempts recorded.'));
  if (hasRefusalBased(summary)) lines.push(fit(REFUSAL_BASED_NOTE));
  lines.push(...contentFilterLines(summary).map(fit));
  lines.push(...costLines(summary).map(fit));
  return `${lines.join('\n')}\n`;
}

function headerLine(summary: RunSummary): string {
  const target = `target ${sanitizeTerminal(summary.target.id)}${summary.target.simulated ? ' (SIMULATED target)' : ''}`;
  return [`Redline run ${sanitizeTerminal(summary.runId)}`, target, sanitizeTerminal(summary.status), `seed ${summary.seed}`].join(' · ');
}

function figureRow(text: readonly [string, string], rate: RateFields): TextRow {
  return {
    text: [sanitizeTerminal(text[0]), sanitizeTerminal(text[1])],
    figures: [
      String(rate.trials),
      String(rate.successes),
      String(rate.failures),
      String(rate.errors),
      String(rate.unscored),
      formatPercent(rate.asr),
      formatInterval(rate.ciLow, rate.ciHigh),
    ],
  };
}

type Section = { readonly title: string; readonly headers: readonly [string, string]; readonly rows: readonly TextRow[] };

// All sections are laid out together so their columns line up.
function renderSections(sections: readonly Section[], options: TableOptions, style: Styler): string[] {
  const all = sections.flatMap((section) => [{ text: section.headers, figures: FIGURE_HEADERS }, ...section.rows]);
  const laidOut = layoutColumns(all, { width: options.width });
  let next = 0;
  return sections.flatMap((section) => {
    const [head = '', ...body] = laidOut.slice(next, next + section.rows.length + 1);
    next += section.rows.length + 1;
    return ['', style.bold(section.title), style.bold(head), ...body];
  });
}

type Styler = { readonly bold: (text: string) => string; readonly warn: (text: string) => string };

// Styling wraps already-sanitized, already-padded text, so escape codes never reach the width count.
function styler(color: boolean): Styler {
  const wrap = (code: string) => (text: string) => (color ? `\u001b[${code}m${text}\u001b[0m` : text);
  return { bold: wrap('1'), warn: wrap('1;33') };
}
