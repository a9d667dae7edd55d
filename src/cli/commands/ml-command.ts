import { mlAttackCatalog } from '../../api/ml-attack-catalog.js';
import { loadMlScanConfig } from '../../api/ml-configuration.js';
import { mlScan } from '../../api/ml-scan.js';
import type { MlRunSummary } from '../../api/ml-summary.js';
import { formatInterval, formatPercent, sanitizeTerminal } from '../../api/terminal-output.js';
import { EXIT } from '../exit-codes.js';
import { queriesForShare } from '../../api/ml-summary.js';

/** Options of `redline ml scan`. */
export type MlScanCommandOptions = { config?: string; db?: string; json?: boolean; progress: boolean };

const num = (value: number | undefined): string => (value === undefined || Number.isNaN(value) ? '—' : !Number.isFinite(value) ? '∞' : String(Number(value.toPrecision(3))));

/** The terminal table of an ML run: per attack, success with its interval, queries, sizes, the curve and the classes. */
export function mlSummaryLines(summary: MlRunSummary): string[] {
  const out = [`run ${summary.runId} against ${sanitizeTerminal(summary.targetId)}${summary.simulated ? ' (SIMULATED demo victim)' : ''}`];
  for (const a of summary.attacks) {
    const bound = a.bound === undefined ? '' : `, success = label changed with ${a.bound.norm} ≤ ${num(a.bound.epsilon)}`;
    if (a.success.n === 0) {
      out.push('', `${sanitizeTerminal(a.attack)}: no attempt decided — ${a.errors} of ${a.attempts} ended in error (the target failed); no rate is given`);
      continue;
    }
    out.push('', `${sanitizeTerminal(a.attack)}: ${a.success.successes}/${a.success.n} samples evaded, ${formatPercent(a.success.successes / Math.max(1, a.success.n))} ${formatInterval(a.success.low, a.success.high)}${bound}${a.errors > 0 ? `; ${a.errors} ended in error, not counted` : ''}`);
    const sizes = a.median.words === undefined ? `L2 ${num(a.median.l2)} · L∞ ${num(a.median.linf)} · L0 ${num(a.median.l0)}` : `${num(a.median.l0)} words changed (${formatPercent(a.median.words)})`;
    out.push(`  median over successes: ${num(a.medianQueries)} queries to reach the bound; ${sizes}`);
    const half = queriesForShare(a, 0.5);
    out.push(`  half the samples evaded within the bound after ${half === undefined ? '— (never)' : `${half} queries`}`);
    out.push(`  by queries: ${a.curve.map((c) => `${c.queries}: ${formatPercent(c.success.successes / Math.max(1, c.success.n))} (median distance ${num(c.medianDistance)})`).join('; ')}`);
    out.push(`  by true class: ${a.byClass.map((c) => `${sanitizeTerminal(c.label)} ${c.successes}/${c.n}`).join(', ')}`);
  }
  for (const e of summary.extraction) {
    const pct = (r: { successes: number; n: number; low: number; high: number }) => `${formatPercent(r.successes / Math.max(1, r.n))} ${formatInterval(r.low, r.high)}`;
    out.push('', `${sanitizeTerminal(e.technique)}: fidelity ${pct(e.fidelity)} (agrees with the victim), accuracy ${pct(e.accuracy)} (victim ${pct(e.victimAccuracy)}) on ${e.fidelity.n} held-out samples${e.errors > 0 ? `; ${e.errors} in error` : ''}`);
  }
  for (const m of summary.membership) {
    out.push('', `${sanitizeTerminal(m.technique)}: AUC ${num(m.auc.auc)} [${num(m.auc.low)}–${num(m.auc.high)}] over ${m.auc.positives} members and ${m.auc.negatives} non-members; TPR ${formatPercent(m.tprAt['1%'])} at 1 % FPR, ${formatPercent(m.tprAt['0.1%'])} at 0.1 %`);
    out.push(`  accuracy calling scores at or above the median members ${formatPercent(m.accuracy.successes / Math.max(1, m.accuracy.n))} ${formatInterval(m.accuracy.low, m.accuracy.high)}; baselines: always "member" 50.0 % (AUC 0.5), correctly classified ⇒ member ${formatPercent(m.baselines.gapAccuracy)}`);
  }
  for (const s of summary.skipped) out.push(`skipped (${s.kind}): ${sanitizeTerminal(s.reason)}`);
  if (summary.screeningQueries !== undefined && summary.attacks.length > 0) out.push(`${summary.screeningQueries} queries screened the samples (not part of any attack's budget); intervals: Wilson 95 %`);
  return out;
}

/** Runs an ML evasion scan and prints its figures. */
export async function runMlScanCommand(options: MlScanCommandOptions): Promise<number> {
  const loaded = loadMlScanConfig({ ...(options.config === undefined ? {} : { file: options.config }), cwd: process.cwd() });
  const controller = new AbortController();
  const onSigint = (): void => controller.abort();
  process.once('SIGINT', onSigint);
  try {
    const result = await mlScan({
      config: loaded.config, configFile: loaded.file, baseDir: loaded.baseDir, env: process.env, signal: controller.signal,
      ...(options.db === undefined ? {} : { database: options.db }),
      onStart: ({ run, screened, misclassified }) => {
        if (options.progress) process.stderr.write(`run ${run.id}: ${run.planned} attempts planned; ${screened} samples screened, ${misclassified} misclassified and left out\n`);
      },
      ...(options.progress ? { onProgress: (done: number, planned: number) => { if (done === planned || done % 10 === 0) process.stderr.write(`  ${done}/${planned} attempts\n`); } } : {}),
    });
    process.stdout.write(options.json === true ? `${JSON.stringify(result.summary, null, 2)}\n` : `${mlSummaryLines(result.summary).join('\n')}\nstored in ${result.database}\n`);
    if (result.budgetSpent !== undefined) process.stderr.write(`stopped: ${result.budgetSpent}; the figures cover the attempts done\n`);
    return result.interrupted ? EXIT.interrupted : EXIT.ok;
  } finally {
    process.off('SIGINT', onSigint);
  }
}

/** Lists the classic-ML attacks with their threat model and source. */
export function runMlAttacksCommand(options: { json?: boolean }): number {
  const catalog = mlAttackCatalog();
  if (options.json === true) {
    process.stdout.write(`${JSON.stringify(catalog, null, 2)}\n`);
    return EXIT.ok;
  }
  const width = Math.max(...catalog.map((a) => a.id.length)) + 2;
  const lines = catalog.map((a) => `${a.id.padEnd(width)}${(a.access === 'label' ? 'label-only' : 'score-based').padEnd(13)}${a.modalities.join('/').padEnd(20)}${(a.kind === 'evasion' ? a.norm : a.kind).padEnd(11)}${a.summary}\n${' '.repeat(width)}source: ${a.source}; ATLAS ${a.taxonomy.atlas.join(', ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
  return EXIT.ok;
}
