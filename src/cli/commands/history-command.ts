import { withExistingStore } from '../../api/open-store.js';
import { runHistory, type TargetHistory, type ChangeVerdict } from '../../api/compare.js';
import { techniqueLabel } from '../../core/counts.js';
import { ConfigError } from '../../core/errors.js';
import { formatPercent, sanitizeTerminal, layoutColumns, type TextRow } from '../../api/terminal-output.js';
import { alphaOption } from './compare-command.js';
import { commandDatabase } from './runs-command.js';

/** Options of `redline history`. */
export type HistoryCommandOptions = { db?: string; config?: string; target?: string; alpha?: string; last?: string };

const MARKS: Readonly<Record<ChangeVerdict, string>> = {
  regression: '↑',
  improvement: '↓',
  'no significant change': '·',
  'not comparable': '≠',
};

const LEGEND = 'Each run is compared with the one before it (Fisher exact, Benjamini–Hochberg over that pair’s cells): '
  + '↑ significantly higher (worse), ↓ significantly lower (better), · no significant change, ≠ not comparable (components changed).';

const when = (iso: string): string => iso.slice(0, 16).replace('T', ' ');

function lastOption(value: string | undefined): number {
  const n = value === undefined ? 8 : Number(value);
  if (!Number.isInteger(n) || n < 1) throw new ConfigError(`--last must be a whole number ≥ 1, got '${value}'`, { file: '<command line>', path: '--last', hint: 'e.g. --last 8' });
  return n;
}

/** One target configuration: its runs, then one row per cell with the rate of each run and a mark per change. */
export function renderTargetHistory(history: TargetHistory, options: { last: number; width?: number }): string[] {
  const from = Math.max(0, history.runs.length - options.last);
  const runs = history.runs.slice(from);
  const ids = [...new Set(history.runs.map((r) => sanitizeTerminal(r.targetId)))].join(', ');
  const shown = from > 0 ? `, the last ${runs.length} shown` : '';
  const lines = [`target ${ids} · config ${history.targetHash} · ${history.runs.length} run${history.runs.length === 1 ? '' : 's'}${shown}`];
  if (runs.some((r) => r.simulated)) lines.push('SIMULATED target: these numbers describe a simulation, not a real AI system.');
  lines.push(...runs.map((r, i) => `  #${from + i + 1}  ${sanitizeTerminal(r.id)}  ${when(r.createdAt)}  ${sanitizeTerminal(r.status)}`));
  const header: TextRow = { text: ['technique', 'category/persona'], figures: runs.flatMap((r, i) => [...(i === 0 ? [] : ['']), `#${from + i + 1} ${r.createdAt.slice(5, 10)}`]) };
  const rows = history.cells.map((cell): TextRow => ({
    text: [sanitizeTerminal(techniqueLabel(cell)), sanitizeTerminal(`${cell.category}/${cell.persona}`)],
    figures: cell.points.slice(from).flatMap((point, i) => [
      ...(i === 0 ? [] : [point.change === null || point.rate === null ? ' ' : MARKS[point.change]]),
      formatPercent(point.rate?.asr ?? null),
    ]),
  }));
  lines.push('', ...layoutColumns([header, ...rows], { width: options.width }));
  return lines;
}

/** Runs `redline history`: runs grouped by target configuration, each cell's rate over time; returns the exit code. */
export async function runHistoryCommand(options: HistoryCommandOptions): Promise<number> {
  const last = lastOption(options.last);
  const histories = await withExistingStore(await commandDatabase(options), (store) => runHistory(store, { target: options.target, alpha: alphaOption(options.alpha) }));
  if (histories.length === 0) {
    process.stdout.write('no runs stored yet: start one with `redline scan`\n');
    return 0;
  }
  const blocks = histories.map((h) => renderTargetHistory(h, { last, width: process.stdout.columns }).join('\n'));
  process.stdout.write(`${blocks.join('\n\n')}\n\n${LEGEND}\n`);
  return 0;
}
