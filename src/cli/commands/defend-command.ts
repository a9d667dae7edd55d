import { resolve } from 'node:path';
import { judgeAblationGates, parseAblationGates, type AblationGateBound, type AblationGateResult } from '../../api/ablation-gates.js';
import { loadConfig } from '../../api/configuration.js';
import { runDefense } from '../../api/defend.js';
import { layerAblation, type AblationRate, type LayerAblation } from '../../api/layer-ablation.js';
import { ConfigError } from '../../core/errors.js';
import { openStoreAt, storeLocation, withExistingStore } from '../../api/open-store.js';
import { databasePath } from '../../api/scan.js';
import { sanitizeTerminal } from '../../api/terminal-output.js';
import { costText, differenceText, renderDefenseHtml, writeTextFile } from '../../api/report-formats.js';
import { EXIT } from '../exit-codes.js';
import { createProgressView } from '../progress.js';
import { commandDatabase } from './runs-command.js';

/** Options of `redline defend [RUN_ID…]`. */
export type DefendOptions = { db?: string; config?: string; json?: boolean; html?: string; failOn?: string[]; gateBound?: string; progress?: boolean };

const percent = (r: AblationRate): string => (r.rate === null ? '—' : `${(r.rate * 100).toFixed(1)}% [${(r.low! * 100).toFixed(1)}–${(r.high! * 100).toFixed(1)}] ${r.count}/${r.of}`);

function gateBoundOf(options: DefendOptions): AblationGateBound {
  const bound = options.gateBound ?? 'upper';
  if (!['upper', 'lower', 'point'].includes(bound)) throw new ConfigError(`--gate-bound must be upper, lower or point, not '${bound}'`, { file: '<command line>', path: '--gate-bound', hint: '--gate-bound upper' });
  return bound as AblationGateBound;
}

/** The ablation as the terminal shows it. */
function ablationLines(ablation: LayerAblation, gates: readonly AblationGateResult[], bound: AblationGateBound): string[] {
  const out: string[] = [];
  const runs = ablation.arms.map((a) => a.runId).join(', ');
  out.push(`defense ablation of ${ablation.arms.length === 1 ? `run ${runs}` : `runs ${runs}`}: ${ablation.attempts.malicious} malicious and ${ablation.attempts.benign} benign single-turn decided attempts; every set of filters computed from the recorded decisions`);
  if (ablation.filters.length + ablation.rewriting.length === 0) out.push('no layer decided anything in this run: run it with `target: { type: guarded, mode: observe, … }`, or `redline defend --config FILE`');
  const width = Math.max(13, ...ablation.rows.map((r) => r.name.length)) + 2;
  out.push(`${'configuration'.padEnd(width)}${'attack success (95%)'.padEnd(32)}${'Δ attack, points (95%)'.padEnd(26)}${'p'.padEnd(8)}${'false blocks (95%)'.padEnd(32)}${'benign refused+blocked'.padEnd(32)}${'Δ benign'.padEnd(26)}target per 1k requests`);
  for (const row of ablation.rows) {
    out.push(`${sanitizeTerminal(row.name).padEnd(width)}${percent(row.attack).padEnd(32)}${(row.paired === null ? '' : differenceText(row.paired.attack)).padEnd(26)}${(row.paired === null ? '' : row.paired.attack.mcNemar.pValue.toPrecision(2)).padEnd(8)}${percent(row.falseBlock).padEnd(32)}${percent(row.benignRefused).padEnd(32)}${(row.paired === null ? '' : differenceText(row.paired.benignRefused)).padEnd(26)}${costText(row.cost)}`);
  }
  out.push('Δ: paired difference against the neighbour configuration (a layer alone and all: against none; all but a layer: against all), same plan positions, interval widened for goals');
  for (const sweep of ablation.sweeps) {
    out.push(`threshold sweep of ${sanitizeTerminal(sweep.layer)} alone (from the recorded scores): threshold  attack success  false blocks`);
    for (const p of sweep.points) out.push(`  ${p.threshold.toFixed(1)}  ${percent(p.attack).padEnd(34)}${percent(p.falseBlock)}`);
  }
  for (const l of ablation.latency) out.push(`latency of ${sanitizeTerminal(l.layer)}: median ${l.medianMs.toFixed(2)} ms, p95 ${l.p95Ms.toFixed(2)} ms over ${l.decisions} decisions`);
  if (ablation.notRun.length > 0) out.push(`not computed (each needs a run with its rewriting layers applied; \`redline defend --config FILE\` runs them): ${ablation.notRun.map(sanitizeTerminal).join('; ')}`);
  if (ablation.multiTurnLeftOut > 0) out.push(`left out: ${ablation.multiTurnLeftOut} multi-turn attempts (a block changes the turns after it; run one scan per configuration)`);
  for (const g of gates) out.push(`gate ${sanitizeTerminal(g.expression)}: ${g.passed ? 'passed' : 'FAILED'} (${sanitizeTerminal(g.configuration)}: ${g.value === null ? 'no decided attempt' : `${(g.value * 100).toFixed(1)}% (${bound} end)`})`);
  return out;
}

function print(ablation: LayerAblation, options: DefendOptions, bound: AblationGateBound): number {
  const gates = judgeAblationGates(ablation, { expressions: options.failOn ?? [], bound });
  if (options.html !== undefined) writeTextFile({ file: resolve(options.html), text: renderDefenseHtml(ablation), flag: '--html' });
  process.stdout.write(options.json === true ? `${JSON.stringify({ ...ablation, gates }, null, 2)}\n` : `${ablationLines(ablation, gates, bound).join('\n')}\n`);
  if (options.html !== undefined && options.json !== true) process.stdout.write(`html:     ${resolve(options.html)}\n`);
  return gates.some((g) => !g.passed) ? EXIT.gateFailed : EXIT.ok;
}

/**
 * `redline defend RUN…` prints the ablation of stored runs whose guarded target observed; `redline defend --config
 * FILE` runs the scans an ablation of that file's guarded target needs (one per set of rewriting layers), then prints it.
 */
export async function runDefendCommand(runIds: readonly string[], options: DefendOptions): Promise<number> {
  const bound = gateBoundOf(options);
  if (runIds.length > 0) return withExistingStore(await commandDatabase(options), async (store) => print(await layerAblation(store, runIds), options, bound));
  if (options.config === undefined) throw new ConfigError('name the runs to ablate, or a configuration to run', { file: '<command line>', path: 'RUN', hint: 'redline defend RUN_ID, or redline defend --config guard.yaml' });
  const loaded = await loadConfig({ file: options.config, cwd: process.cwd() });
  for (const warning of loaded.warnings) process.stderr.write(`warning: ${sanitizeTerminal(warning)}\n`);
  // Gates are checked on an empty table first: a typo must not cost the scans.
  parseAblationGates(options.failOn ?? []);
  const database = options.db === undefined ? databasePath(loaded.config, loaded.baseDir) : storeLocation(options.db, process.cwd());
  const store = await openStoreAt(database);
  const stderr = process.stderr;
  const controller = new AbortController();
  const onSignal = (): void => {
    stderr.write('\nStopping: finishing nothing new, keeping everything recorded.\n');
    controller.abort(new Error('interrupted by the user'));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const progress = options.progress === false ? undefined : createProgressView({ stream: stderr, interactive: stderr.isTTY === true, now: Date.now });
    const result = await runDefense({
      config: loaded.config, configFile: loaded.file, baseDir: loaded.baseDir, env: process.env, store, signal: controller.signal,
      components: loaded.components,
      onScan: ({ index, of, what }) => {
        progress?.done();
        stderr.write(`scan ${index + 1} of ${of}: ${sanitizeTerminal(what)}\n`);
      },
      onStart: ({ run }) => stderr.write(`run ${run.id}: ${run.planned} attempts against ${sanitizeTerminal(run.targetId)}\n`),
      ...(progress === undefined ? {} : { onProgress: ({ recorded, planned, attempt }) => progress.update({ recorded, planned, outcome: attempt.outcome }) }),
    });
    progress?.done();
    if ('stopped' in result) {
      stderr.write(`${sanitizeTerminal(result.stopped)}; the ablation needs every scan. Runs so far: ${result.runs.map((r) => r.id).join(', ')}\n`);
      return EXIT.interrupted;
    }
    process.stdout.write(`database: ${database}\n`);
    return print(result.ablation, options, bound);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await store.close();
  }
}
