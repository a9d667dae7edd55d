import { judgeAblationGates, type AblationGateBound } from '../../api/ablation-gates.js';
import { layerAblation, type AblationRate } from '../../api/layer-ablation.js';
import { ConfigError } from '../../core/errors.js';
import { withExistingStore } from '../../api/open-store.js';
import { sanitizeTerminal } from '../../api/terminal-output.js';
import { commandDatabase } from './runs-command.js';

/** Options of `redline defend RUN_ID`. */
export type DefendOptions = { db?: string; config?: string; json?: boolean; failOn?: string[]; gateBound?: string };

const percent = (r: AblationRate): string => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}% [${(r.low! * 100).toFixed(1)}–${(r.high! * 100).toFixed(1)}] ${r.count}/${r.of}`);

/**
 * Prints the ablation of a run whose guarded target observed: every filter configuration's attack success and
 * false-block rate, each with its interval, and the paired change against no filters.
 */
export async function runDefendCommand(runId: string, options: DefendOptions): Promise<number> {
  return withExistingStore(await commandDatabase(options), async (store) => {
    const bound = options.gateBound ?? 'upper';
    if (!['upper', 'lower', 'point'].includes(bound)) throw new ConfigError(`--gate-bound must be upper, lower or point, not '${bound}'`, { file: '<command line>', path: '--gate-bound', hint: '--gate-bound upper' });
    const ablation = await layerAblation(store, runId);
    const gates = judgeAblationGates(ablation, { expressions: options.failOn ?? [], bound: bound as AblationGateBound });
    const failed = gates.some((g) => !g.passed);
    if (options.json === true) {
      process.stdout.write(`${JSON.stringify({ ...ablation, gates }, null, 2)}\n`);
      return failed ? 1 : 0;
    }
    const out: string[] = [];
    out.push(`defense ablation of run ${runId}: ${ablation.attempts.malicious} malicious and ${ablation.attempts.benign} benign single-turn decided attempts; every filter subset computed from one observed run`);
    if (ablation.filters.length === 0) out.push('no filter layer decided anything in this run: run it with `target: { type: guarded, mode: observe, … }`');
    const width = Math.max(13, ...ablation.rows.map((r) => r.name.length)) + 2;
    out.push(`${'configuration'.padEnd(width)}${'attack success (95%)'.padEnd(34)}${'stopped  p (McNemar)'.padEnd(24)}false blocks on benign (95%)`);
    for (const row of ablation.rows) {
      out.push(`${sanitizeTerminal(row.name).padEnd(width)}${percent(row.attack).padEnd(34)}${`${String(row.againstNone.successToFailure).padStart(7)}  ${row.againstNone.pValue.toPrecision(2)}`.padEnd(24)}${percent(row.falseBlock)}`);
    }
    for (const sweep of ablation.sweeps) {
      out.push(`threshold sweep of ${sanitizeTerminal(sweep.layer)} alone (from the recorded scores): threshold  attack success  false blocks`);
      for (const p of sweep.points) out.push(`  ${p.threshold.toFixed(1)}  ${percent(p.attack).padEnd(34)}${percent(p.falseBlock)}`);
    }
    for (const l of ablation.latency) out.push(`latency of ${sanitizeTerminal(l.layer)}: median ${l.medianMs.toFixed(2)} ms, p95 ${l.p95Ms.toFixed(2)} ms over ${l.decisions} decisions`);
    if (ablation.rewriting.length > 0) out.push(`not computed (they rewrite traffic; run one scan per configuration): ${ablation.rewriting.map(sanitizeTerminal).join(', ')}`);
    if (ablation.multiTurnLeftOut > 0) out.push(`left out: ${ablation.multiTurnLeftOut} multi-turn attempts (a block changes the turns after it; run one scan per configuration)`);
    for (const g of gates) out.push(`gate ${sanitizeTerminal(g.expression)}: ${g.passed ? 'passed' : 'FAILED'} (${sanitizeTerminal(g.configuration)}: ${g.value === null ? 'no decided attempt' : `${(g.value * 100).toFixed(1)}% (${bound} end)`})`);
    process.stdout.write(`${out.join('\n')}\n`);
    return failed ? 1 : 0;
  });
}
