import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { withExistingStore } from '../../api/open-store.js';
import { compareStoredRuns, type CellComparison, type ComparedRun, type RunComparison, ADJUSTMENTS, type Adjustment } from '../../api/compare.js';
import { techniqueLabel } from '../../core/counts.js';
import { ConfigError, StoreError } from '../../core/errors.js';
import { formatInterval, formatPercent, formatPoints, sanitizeTerminal, layoutColumns, type TextRow } from '../../api/terminal-output.js';
import { EXIT } from '../exit-codes.js';
import { commandDatabase } from './runs-command.js';

/** Options of `redline compare`. */
export type CompareCommandOptions = { db?: string; config?: string; alpha?: string; adjust?: string; json?: string; failOnRegression?: boolean };

const ADJUSTMENT_NAMES: Readonly<Record<Adjustment, string>> = { bh: 'Benjamini–Hochberg', holm: 'Holm' };
const HEADERS = ['A rate', 'A 95% CI', 'B rate', 'B 95% CI', 'B − A', '95% CI', 'q'];

/** --alpha as a number strictly between 0 and 1 (default 0.05). */
export function alphaOption(value: string | undefined): number {
  const alpha = value === undefined ? 0.05 : Number(value);
  if (!(alpha > 0 && alpha < 1)) {
    throw new ConfigError(`--alpha must be a number between 0 and 1, got '${value}'`, { file: '<command line>', path: '--alpha', hint: 'e.g. --alpha 0.05' });
  }
  return alpha;
}

/** --adjust as a known multiple-comparison adjustment (default bh). */
export function adjustOption(value: string | undefined): Adjustment {
  if (value === undefined) return 'bh';
  if ((ADJUSTMENTS as readonly string[]).includes(value)) return value as Adjustment;
  throw new ConfigError(`--adjust must be one of ${ADJUSTMENTS.join(', ')}, got '${value}'`, { file: '<command line>', path: '--adjust', hint: 'e.g. --adjust holm' });
}

// Three decimals, '<0.001' below that.
function formatQ(q: number | null): string {
  return q === null ? '—' : q < 0.001 ? '<0.001' : q.toFixed(3);
}

const signed = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x * 100).toFixed(1)}`;

// Id, target, configuration hash and date.
function runPhrase(run: ComparedRun): string {
  return `${sanitizeTerminal(run.id)} (${sanitizeTerminal(run.targetId)}, config ${run.targetHash.slice(0, 8)}…, ${run.createdAt.slice(0, 16).replace('T', ' ')})`;
}

function cellRow(cell: CellComparison): TextRow {
  const d = cell.difference;
  return {
    text: [sanitizeTerminal(techniqueLabel(cell)), sanitizeTerminal(`${cell.category}/${cell.persona}`)],
    figures: [
      formatPercent(cell.a?.asr ?? null), formatInterval(cell.a?.ciLow ?? null, cell.a?.ciHigh ?? null),
      formatPercent(cell.b?.asr ?? null), formatInterval(cell.b?.ciLow ?? null, cell.b?.ciHigh ?? null),
      formatPoints(d?.estimate ?? null), d === null ? '—' : `[${signed(d.low)}, ${signed(d.high)}]`, formatQ(cell.q),
    ],
  };
}

/** The terminal rendering of a comparison: header, table of compared cells, the others with reasons, a verdict line. */
export function renderComparison(comparison: RunComparison, options: { width?: number } = {}): string {
  const { runA, runB } = comparison;
  const lines = [`Comparing run B ${runPhrase(runB)}`, `     against A ${runPhrase(runA)}`];
  if (runA.simulated || runB.simulated) lines.push('SIMULATED target: these numbers describe a simulation, not a real AI system.');
  lines.push(comparison.targetChanged ? 'Target configuration differs between A and B (e.g. a new metaprompt, model or endpoint).' : 'Same target configuration in A and B.');
  for (const [name, run] of [['A', runA], ['B', runB]] as const) {
    if (run.status !== 'completed') lines.push(`Run ${name} is ${sanitizeTerminal(run.status)}: its cells may miss goals and show as not comparable.`);
  }
  const compared = comparison.cells.filter((c) => c.verdict !== 'not comparable');
  if (compared.length > 0) {
    const laidOut = layoutColumns([{ text: ['technique', 'category/persona'], figures: HEADERS }, ...compared.map(cellRow)], options);
    lines.push('', ...laidOut.map((line, i) => `${line}  ${i === 0 ? 'verdict' : compared[i - 1]!.verdict}`));
  }
  const others = comparison.cells.filter((c) => c.verdict === 'not comparable');
  if (others.length > 0) {
    lines.push('', `Not comparable (${others.length}):`);
    lines.push(...others.map((c) => `  ${sanitizeTerminal(`${techniqueLabel(c)} ${c.category}/${c.persona}`)}: ${sanitizeTerminal(c.reason ?? '')}`));
  }
  for (const row of comparison.sampleCorrected ?? []) {
    const side = (rate: typeof row.a): string => (rate === null ? 'no labels' : `${formatPercent(rate.asr)} ${formatInterval(rate.ciLow, rate.ciHigh)} (${rate.labeled} labeled)`);
    const difference = row.difference === null ? '' : `; B − A ${formatPoints(row.difference.estimate)} [${formatPoints(row.difference.low)}, ${formatPoints(row.difference.high)}]`;
    lines.push('', `Human-sample-corrected (${row.persona}): A ${side(row.a)}, B ${side(row.b)}${difference}`);
  }
  const method = `${ADJUSTMENT_NAMES[comparison.adjustment]} q ≤ ${comparison.alpha} over ${compared.length} compared cells`;
  lines.push('', `Verdict: ${verdictLine(comparison)} (${method}).`);
  lines.push(`Rates over decided attempts, 95% Wilson intervals; B − A with Newcombe's 95% interval; q = Fisher exact p adjusted for ${compared.length} cells.`);
  return `${lines.join('\n')}\n`;
}

// e.g. 'REGRESSION — 2 cells worse in B, 0 better, 15 with no significant change, 3 not comparable'
function verdictLine(comparison: RunComparison): string {
  const c = comparison.counts;
  const head = c.regression > 0 ? 'REGRESSION' : c.improvement > 0 ? 'IMPROVEMENT' : c['no significant change'] > 0 ? 'no significant change' : 'nothing comparable';
  return `${head} — ${c.regression} cells worse in B, ${c.improvement} better, ${c['no significant change']} with no significant change, ${c['not comparable']} not comparable`;
}

/**
 * Runs `redline compare RUN_A RUN_B`: prints the comparison, optionally writes its JSON; returns the exit code
 * (1 with --fail-on-regression when any cell is a significant regression, else 0).
 */
export async function runCompareCommand(runA: string, runB: string, options: CompareCommandOptions): Promise<number> {
  const significance = { alpha: alphaOption(options.alpha), adjustment: adjustOption(options.adjust) };
  const comparison = await withExistingStore(await commandDatabase(options), (store) => compareStoredRuns(store, { runA, runB, ...significance }));
  process.stdout.write(renderComparison(comparison, { width: process.stdout.columns }));
  if (options.json !== undefined) {
    const file = resolve(process.cwd(), options.json);
    try {
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, `${JSON.stringify(comparison, null, 2)}\n`, 'utf8');
    } catch (error) {
      throw new StoreError(`cannot write ${file}: ${(error as Error).message}`, { file, hint: 'choose a writable path with --json', cause: error });
    }
    process.stdout.write(`json: ${file}\n`);
  }
  const regressions = comparison.counts.regression;
  if (options.failOnRegression === true && regressions > 0) {
    process.stderr.write(`FAIL  --fail-on-regression: ${regressions} cell${regressions === 1 ? '' : 's'} significantly worse in B than in A\n`);
    return EXIT.gateFailed;
  }
  return EXIT.ok;
}
