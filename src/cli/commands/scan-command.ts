import { loadConfig } from '../../api/configuration.js';
import { ConfigError } from '../../core/errors.js';
import { scan, type ScanOptions } from '../../api/scan.js';
import { queueUrlWithPassword } from '../queue-url.js';
import { renderTable, sanitizeTerminal, gateLines } from '../../api/terminal-output.js';
import { EXIT } from '../exit-codes.js';
import { judgeRun, reportPolicy } from '../../api/judge-run.js';
import { createProgressView } from '../progress.js';
import { createQueueProgressView } from '../queue-progress.js';
import { printDryRun, selectionOverrides, type SelectionFlags } from './scan-selection.js';
import { wholeNumberOption } from '../whole-number-option.js';
import { resumeCommandLine } from '../resume-command-line.js';

/** Options of `redline scan`. */
export type ScanCommandOptions = {
  config?: string; resume?: string; db?: string; json?: string; html?: string; reports: boolean;
  trials?: string; seed?: string; concurrency?: string; progress: boolean; failOn?: string[]; gateBound?: string; allowUndecided?: boolean; probe?: boolean;
  dryRun?: boolean; store?: string; queue?: string; sliceSize?: string; queuePrefix?: string;
} & SelectionFlags;

/** Runs `redline scan`: loads the config, runs (or resumes) the scan, prints the summary; returns the exit code. */
export async function runScanCommand(options: ScanCommandOptions): Promise<number> {
  const cwd = process.cwd();
  const loaded = await loadConfig({ file: options.config, cwd });
  for (const warning of loaded.warnings) process.stderr.write(`warning: ${sanitizeTerminal(warning)}\n`);
  // Gate expressions are checked before anything is sent: a typo must not cost a whole scan.
  const policy = reportPolicy({ config: loaded.config, configFile: loaded.file, failOn: options.failOn, gateBound: options.gateBound, allowUndecided: options.allowUndecided });
  const overrides = {
    trials: wholeNumberOption(options.trials, '--trials', 1),
    seed: wholeNumberOption(options.seed, '--seed', 0),
    concurrency: wholeNumberOption(options.concurrency, '--concurrency', 1),
  };
  const config = {
    ...loaded.config,
    ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)),
    ...(options.probe === false ? { preflight: { ...loaded.config.preflight, probe: false } } : {}),
    select: selectionOverrides(loaded.config.select, options),
  };
  if (options.dryRun === true) {
    if (options.resume !== undefined) throw new ConfigError('--dry-run plans a new scan; it cannot be combined with --resume', { file: '<command line>', path: '--dry-run', hint: 'drop --resume' });
    return printDryRun({ config, configFile: loaded.file, baseDir: loaded.baseDir, env: process.env });
  }
  const stderr = process.stderr;
  const interactive = stderr.isTTY === true && options.progress;
  const progress = options.progress && options.queue === undefined ? createProgressView({ stream: stderr, interactive, now: Date.now }) : undefined;
  const queueProgress = options.progress && options.queue !== undefined ? createQueueProgressView({ stream: stderr, interactive, now: Date.now }) : undefined;

  const controller = new AbortController();
  let stops = 0;
  const onSigint = (): void => {
    stops += 1;
    if (stops > 1) process.exit(EXIT.interrupted);
    progress?.done();
    stderr.write('\nStopping: finishing nothing new, keeping everything recorded. Press Ctrl-C again to quit at once.\n');
    controller.abort(new Error('interrupted by the user'));
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  if (options.store !== undefined && options.db !== undefined) {
    throw new ConfigError('--store and --db both name the store', { file: '<command line>', path: '--store', hint: 'keep one of them' });
  }
  const database = options.store ?? options.db;
  const reports: ScanOptions['reports'] = options.reports ? { json: options.json, html: options.html } : { json: options.json ?? false, html: options.html ?? false };
  try {
    const common = {
      config,
      configFile: loaded.file,
      baseDir: loaded.baseDir,
      env: process.env,
      database,
      resume: options.resume,
      signal: controller.signal,
      reports,
    };
    // BullMQ and the Redis client load only for a distributed scan.
    const result = options.queue !== undefined
      ? await (await import('../../api/queue-scan.js')).queueScan({
        ...common, queue: queueUrlWithPassword(options.queue, process.env), prefix: options.queuePrefix ?? 'redline',
        ...(options.sliceSize === undefined ? {} : { sliceSize: wholeNumberOption(options.sliceSize, '--slice-size', 1)! }),
        ...(queueProgress ? { onQueueProgress: (p: { recorded: number; planned: number; outstanding: number }) => queueProgress.update(p) } : {}),
      })
      : await scan({
      ...common,
      onStart: ({ run, alreadyRecorded, recordedOutcomes, skippedPairs }) => {
        progress?.resume(recordedOutcomes);
        const resumed = alreadyRecorded > 0 ? ` (resuming: ${alreadyRecorded} already recorded)` : '';
        const skipped = skippedPairs > 0 ? `; ${skippedPairs} goal × technique pairs skipped as not applicable` : '';
        stderr.write(`run ${run.id}: ${run.planned} attempts against ${sanitizeTerminal(run.targetId)}${resumed}${skipped}\n`);
        // One line per kind of preflight finding: what is not run (or run another way) is said before anything is sent.
        for (const entry of run.preflight?.entries ?? []) {
          if (entry.kind === 'not-applicable') continue;
          const what = entry.action === 'skipped' ? `skipped ${entry.attempts} attempts` : `adapted ${entry.attempts} attempts`;
          stderr.write(`preflight: ${what} (${entry.pairs} goal × technique pairs, e.g. ${entry.goals.map(sanitizeTerminal).join(', ')}): ${entry.reason}\n  hint: ${entry.hint}\n`);
        }
      },
      onProgress: progress ? ({ recorded, planned, attempt }) => progress.update({ recorded, planned, outcome: attempt.outcome }) : undefined,
    });
    progress?.done();
    queueProgress?.done();
    process.stdout.write(`${renderTable(result.summary, { color: process.stdout.isTTY === true, width: process.stdout.columns })}\n`);
    process.stdout.write(`database: ${result.database}\n`);
    if (result.listener !== undefined) {
      const { baseUrl, attributed, unattributed, toolCalls, pages } = result.listener;
      const served = pages > 0 ? `; ${pages} poisoned pages served (reading one is not a hit)` : '';
      process.stdout.write(`listener: ${baseUrl}: ${attributed} requests and ${toolCalls} tool calls carried an attempt's token (proven exfiltration, recorded against it); ${unattributed} requests carried no token of this run (counted, not attributed)${served}\n`);
    }
    if (result.reports.json) process.stdout.write(`json:     ${result.reports.json}\n`);
    if (result.reports.html) process.stdout.write(`html:     ${result.reports.html}\n`);
    if (result.failure !== undefined) {
      const f = result.failure;
      stderr.write(`Run ${result.run.id} could not measure: the target kept failing (${f.rule}); most errors were ${sanitizeTerminal(f.errorKind)}: ${sanitizeTerminal(f.message)}\n`);
      stderr.write('No rate above describes the target. Fix the target or its configuration, then start a new run.\n');
      return EXIT.target;
    }
    if (result.interrupted) {
      const why = result.budgetSpent !== undefined ? ` (${result.budgetSpent})` : result.stalled !== undefined ? ` (${sanitizeTerminal(result.stalled)})` : '';
      stderr.write(`Run ${result.run.id} stopped before it finished${why}. Resume it with: ${resumeCommandLine(result.run.id, options)}\n`);
      return EXIT.interrupted;
    }
    const gated = judgeRun({ summary: result.summary, policy, components: loaded.components });
    const lines = gateLines(gated.outcome);
    if (lines.length > 0) stderr.write(`${lines.join('\n')}\n`);
    return gated.outcome.failed ? EXIT.gateFailed : EXIT.ok;
  } finally {
    process.off('SIGINT', onSigint);
    process.off('SIGTERM', onSigint);
  }
}
