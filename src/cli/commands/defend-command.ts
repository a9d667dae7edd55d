import { layerAblation, type AblationRate } from '../../api/layer-ablation.js';
import { withExistingStore } from '../../api/open-store.js';
import { sanitizeTerminal } from '../../api/terminal-output.js';
import { commandDatabase } from './runs-command.js';

/** Options of `redline defend RUN_ID`. */
export type DefendOptions = { db?: string; config?: string; json?: boolean };

const percent = (r: AblationRate): string => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}% [${(r.low! * 100).toFixed(1)}–${(r.high! * 100).toFixed(1)}] ${r.count}/${r.of}`);

/**
 * Prints the ablation of a run whose guarded target observed: every filter configuration's attack success and
 * false-block rate, each with its interval, and the paired change against no filters.
 */
export async function runDefendCommand(runId: string, options: DefendOptions): Promise<number> {
  return withExistingStore(await commandDatabase(options), async (store) => {
    const ablation = await layerAblation(store, runId);
    if (options.json === true) {
      process.stdout.write(`${JSON.stringify(ablation, null, 2)}\n`);
      return 0;
    }
    const out: string[] = [];
    out.push(`defense ablation of run ${runId}: ${ablation.attempts.malicious} malicious and ${ablation.attempts.benign} benign single-turn decided attempts; every filter subset computed from one observed run`);
    if (ablation.filters.length === 0) out.push('no filter layer decided anything in this run: run it with `target: { type: guarded, mode: observe, … }`');
    const width = Math.max(13, ...ablation.rows.map((r) => r.name.length)) + 2;
    out.push(`${'configuration'.padEnd(width)}${'attack success (95%)'.padEnd(34)}${'stopped  p (McNemar)'.padEnd(24)}false blocks on benign (95%)`);
    for (const row of ablation.rows) {
      out.push(`${sanitizeTerminal(row.name).padEnd(width)}${percent(row.attack).padEnd(34)}${`${String(row.againstNone.successToFailure).padStart(7)}  ${row.againstNone.pValue.toPrecision(2)}`.padEnd(24)}${percent(row.falseBlock)}`);
    }
    for (const l of ablation.latency) out.push(`latency of ${sanitizeTerminal(l.layer)}: median ${l.medianMs.toFixed(2)} ms, p95 ${l.p95Ms.toFixed(2)} ms over ${l.decisions} decisions`);
    if (ablation.rewriting.length > 0) out.push(`not computed (they rewrite traffic; run one scan per configuration): ${ablation.rewriting.map(sanitizeTerminal).join(', ')}`);
    if (ablation.multiTurnLeftOut > 0) out.push(`left out: ${ablation.multiTurnLeftOut} multi-turn attempts (a block changes the turns after it; run one scan per configuration)`);
    process.stdout.write(`${out.join('\n')}\n`);
    return 0;
  });
}
