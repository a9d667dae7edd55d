#!/usr/bin/env node
import * as nodeModule from 'node:module';
import { Command, CommanderError } from 'commander';
import { redlineVersion } from '../api/version.js';
import { dropWritesToClosedPipe } from './closed-pipe.js';
import { EXIT } from './exit-codes.js';
import { ConfigError } from '../core/errors.js';
import { addComponentCommands } from './component-commands.js';
import { addDistributedCommands } from './distributed-commands.js';
import { enableCompileCache, type CompileCacheHost } from './compile-cache.js';

/** Collects a repeatable option's values. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

// Command modules load lazily, so `redline --help` starts without SQLite, the SDKs or the registries.
const program = new Command()
  .name('redline')
  .description('Red-team AI systems: injection, jailbreaks, leakage and harmful-content probes with trustworthy statistics.')
  .version(redlineVersion(), '-V, --version', 'print the version of redline-ai and exit')
  .showHelpAfterError('(add --help for usage)')
  .exitOverride();

program
  .command('scan')
  .description('Run a scan (default: the built-in simulated demo target) and print its summary')
  .option('-c, --config <file>', 'configuration file (default: ./redline.yaml, else built-in defaults)')
  .option('--resume <runId>', 'finish an interrupted run, without repeating recorded attempts')
  .option('--db <file>', 'database file (default: OUTPUT_DIR/redline.db)')
  .option('--store <location>', 'where runs are stored: a postgres:// URL (password: PGPASSWORD) or a SQLite file (as --db)')
  .option('--queue <url>', 'queue the run on Redis for `redline worker` processes, e.g. redis://127.0.0.1:6379; this process follows and reports')
  .option('--slice-size <n>', 'with --queue: plan positions per queued slice')
  .option('--queue-prefix <name>', 'with --queue: key prefix shared with the workers', 'redline')
  .option('--json <file>', 'write the JSON summary here (default: next to the database)')
  .option('--html <file>', 'write the HTML report here (default: next to the database)')
  .option('--no-reports', 'write no report files unless --json/--html name them')
  .option('--trials <n>', 'trials per goal × technique × chain (overrides the config)')
  .option('--seed <n>', 'seed for per-attempt randomness (overrides the config)')
  .option('--concurrency <n>', 'attempts in flight at once (overrides the config)')
  .option('--no-progress', 'no progress output')
  .option('--no-probe', 'do not send the one-request probe before the run (a target that cannot answer then fails by its error budget)')
  .option('--fail-on <expr>', 'gate, e.g. asr>0.05 or category=self-harm:asr>0 (repeatable); exit 1 when one fails', collect, [])
  .option('--gate-bound <bound>', 'what a gate compares: upper | lower (95% interval ends) | point')
  .option('--allow-undecided', 'cells with no decided attempt pass the rate gates (by default they fail: not measured is not safe)')
  .option('--category <glob>', 'keep goals of matching categories (repeatable)', collect, [])
  .option('--technique <glob>', 'keep matching techniques (repeatable)', collect, [])
  .option('--converter <glob>', 'keep matching converter chains, e.g. none or base64 (repeatable)', collect, [])
  .option('--owasp <id>', 'keep techniques tagged with this OWASP LLM id, e.g. LLM01 (repeatable)', collect, [])
  .option('--atlas <id>', 'keep techniques tagged with this MITRE ATLAS id, e.g. AML.T0051 (repeatable)', collect, [])
  .option('--goals-sample <n>', 'keep n goals, seeded and stratified by category')
  .option('--sample-seed <n>', 'seed of the goal sample (default 0)')
  .option('--max-attempts <n>', 'refuse to start when the plan has more attempts')
  .option('--dry-run', 'print the plan per cell with a prompt-token estimate; send and store nothing')
  .action(async (options) => {
    const { runScanCommand } = await import('./commands/scan-command.js');
    process.exitCode = await runScanCommand(options);
  });

program
  .command('init')
  .description('Write a commented example redline.yaml')
  .argument('[file]', 'where to write it', 'redline.yaml')
  .option('--force', 'overwrite an existing file', false)
  .action(async (file: string, options: { force: boolean }) => {
    const { runInitCommand } = await import('./commands/init-command.js');
    process.exitCode = runInitCommand(file, options);
  });

program
  .command('schema')
  .description('Print the JSON Schema of redline.yaml (for editor validation and completion)')
  .action(async () => {
    const { runSchemaCommand } = await import('./commands/schema-command.js');
    process.exitCode = runSchemaCommand();
  });

program
  .command('runs')
  .description('List stored runs, newest first: status, recorded/planned, error rate, target')
  .option('--db <file>', 'database file')
  .option('-c, --config <file>', 'configuration naming the database')
  .option('--stale-after <minutes>', 'list a running run as stale after this long without a recorded attempt', '15')
  .action(async (options) => {
    const { runRunsCommand } = await import('./commands/runs-command.js');
    process.exitCode = await runRunsCommand(options);
  });

program
  .command('defend [runIds...]')
  .description('Per-layer defense ablation: with --config, runs the scans a guarded target\'s stack needs; with run ids, reads stored observed runs. Attack success, false blocks, paired differences, latency and cost per configuration')
  .option('--db <file>', 'database file')
  .option('-c, --config <file>', 'with no run id: the configuration whose guarded target to ablate; else the one naming the database')
  .option('--json', 'print the ablation as JSON')
  .option('--html <file>', 'also write the ablation table as a standalone HTML page')
  .option('--no-progress', 'no progress line while scanning')
  .option('--fail-on <expr>', 'gate, e.g. layer=injection-detector:false-block>0.02 or asr>0.1 (repeatable); exit 1 when one fails', (value: string, all: string[]) => [...all, value], [] as string[])
  .option('--gate-bound <bound>', 'what a gate compares: upper | lower (95% interval ends) | point', 'upper')
  .action(async (runIds: string[], options) => {
    const { runDefendCommand } = await import('./commands/defend-command.js');
    process.exitCode = await runDefendCommand(runIds, options);
  });

program
  .command('listen')
  .description('A standalone out-of-band listener: prints each request carrying a stored run\'s attempt token against that attempt (late fetches, agents run elsewhere)')
  .option('--db <file>', 'database file')
  .option('-c, --config <file>', 'configuration naming the database')
  .option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)', '8700')
  .option('--host <address>', 'loopback address to bind', '127.0.0.1')
  .action(async (options) => {
    const { runListenCommand } = await import('./commands/listen-command.js');
    process.exitCode = await runListenCommand(options);
  });

program
  .command('agents <runId>')
  .description('Task-suite metrics of a run over a tool-using app: utility, and per technique targeted attack success and utility under attack, with intervals clustered by task')
  .option('--db <file>', 'database file')
  .option('-c, --config <file>', 'configuration naming the database')
  .option('--json', 'print the metrics as JSON')
  .action(async (runId: string, options) => {
    const { runAgentsCommand } = await import('./commands/agents-command.js');
    process.exitCode = await runAgentsCommand(runId, options);
  });

program
  .command('serve')
  .description('Serve a local dashboard over the stored runs: read, filter, compare and review (loopback only by default)')
  .option('--db <file>', 'database file')
  .option('-c, --config <file>', 'configuration naming the database')
  .option('--port <n>', 'port (0 picks a free one)', '8484')
  .option('--host <address>', 'address to bind; anything but loopback needs a token', '127.0.0.1')
  .option('--token <secret>', 'a fixed token (prefer the REDLINE_SERVE_TOKEN environment variable: a command line is visible to other users)')
  .option('--reviewer <name>', 'reviewer name labels default to (default: your user name)')
  .action(async (options) => {
    const { runServeCommand } = await import('./commands/serve-command.js');
    process.exitCode = await runServeCommand(options);
  });

const guard = program.command('guard').description('Run a configuration\'s defense layers in front of an upstream');
guard
  .command('serve')
  .description('Serve the configuration\'s guarded target as an OpenAI-compatible endpoint (loopback only by default)')
  .requiredOption('-c, --config <file>', 'configuration whose target is type: guarded')
  .option('--port <n>', 'port (0 picks a free one)', '8787')
  .option('--host <address>', 'address to bind; anything but loopback needs REDLINE_GUARD_TOKEN', '127.0.0.1')
  .action(async (options) => {
    const { runGuardServeCommand } = await import('./commands/guard-command.js');
    process.exitCode = await runGuardServeCommand(options);
  });

program
  .command('report')
  .description('Print a stored run’s summary and write its JSON and HTML reports')
  .argument('<runId>', 'run id (see `redline runs`)')
  .option('--db <file>', 'database file')
  .option('-c, --config <file>', 'configuration naming the database')
  .option('--json <file>', 'JSON summary path')
  .option('--html <file>', 'HTML report path')
  .option('--format <format>', 'render one format: json | html | md | junit | sarif | csv')
  .option('--out <file>', 'write the format here (default: stdout)')
  .option('--fail-on <expr>', 'gate, e.g. asr>0.05 (repeatable); exit 1 when one fails', collect, [])
  .option('--gate-bound <bound>', 'what a gate compares: upper | lower | point')
  .option('--allow-undecided', 'cells with no decided attempt pass the rate gates (by default they fail)')
  .action(async (runId: string, options) => {
    const { runReportCommand } = await import('./commands/report-command.js');
    process.exitCode = await runReportCommand(runId, options);
  });

program
  .command('list')
  .description('List techniques, converters, scorers, datasets or defense layers with their summaries, personas and taxonomy ids')
  .argument('<kind>', 'techniques | converters | scorers | datasets | layers')
  .option('-c, --config <file>', 'configuration whose plugins to include (default: ./redline.yaml when present)')
  .action(async (kind: string, options: { config?: string }) => {
    const { runListCommand } = await import('./commands/list-command.js');
    process.exitCode = await runListCommand(kind, options);
  });

program
  .command('score')
  .description('Score each row of a transcript file (JSONL, JSON or CSV); one JSON line per row')
  .requiredOption('--input <file>', 'transcript file')
  .requiredOption('--scorer <id>', 'scorer id (see `redline list scorers`)')
  .option('--scorer-options <json>', 'scorer options as JSON')
  .option('--goal-field <name>', 'field holding the goal (default: goal)')
  .option('--prompt-field <name>', 'field holding the prompt (default: prompt)')
  .option('--response-field <name>', 'field holding the response (default: response)')
  .option('--persona <persona>', 'malicious | benign')
  .option('--out <file>', 'write JSONL here instead of stdout')
  .option('-c, --config <file>', 'configuration whose models.judge an LLM-judge scorer asks')
  .action(async (options) => {
    const { runScoreCommand } = await import('./commands/score-command.js');
    process.exitCode = await runScoreCommand(options);
  });

program
  .command('calibrate')
  .description('Measure a scorer against human labels: accuracy, precision, recall, F1, kappa, confusion matrix')
  .requiredOption('--input <file>', 'labeled file (JSONL, JSON or CSV)')
  .requiredOption('--scorer <id>', 'scorer id')
  .requiredOption('--label-field <name>', 'field holding the 1/0 human label')
  .option('--target <target>', 'what the label means: objective | refusal')
  .option('--half <half>', 'only the dev or held-out half of the rows: dev | held-out')
  .option('--save <file>', 'write the measured sensitivity and specificity as JSON')
  .option('--scorer-options <json>', 'scorer options as JSON')
  .option('--goal-field <name>', 'field holding the goal')
  .option('--prompt-field <name>', 'field holding the prompt')
  .option('--response-field <name>', 'field holding the response')
  .option('--persona <persona>', 'malicious | benign')
  .option('-c, --config <file>', 'configuration whose models.judge an LLM-judge scorer asks')
  .action(async (options) => {
    const { runCalibrateCommand } = await import('./commands/calibrate-command.js');
    process.exitCode = await runCalibrateCommand(options);
  });

program
  .command('compare')
  .description('Compare run B against baseline run A, cell by cell: rates, difference, Fisher test, verdict')
  .argument('<runA>', 'baseline run id (see `redline runs`)')
  .argument('<runB>', 'run judged against it')
  .option('--db <file>', 'database file')
  .option('-c, --config <file>', 'configuration naming the database')
  .option('--alpha <level>', 'significance level for adjusted p-values', '0.05')
  .option('--adjust <method>', 'multiple-comparison adjustment: bh | holm', 'bh')
  .option('--json <file>', 'also write the comparison as JSON')
  .option('--fail-on-regression', 'exit 1 when any cell is a significant regression (B worse than A)')
  .action(async (runA: string, runB: string, options) => {
    const { runCompareCommand } = await import('./commands/compare-command.js');
    process.exitCode = await runCompareCommand(runA, runB, options);
  });

program
  .command('history')
  .description('Runs grouped by target configuration, each cell’s rate over time')
  .option('--db <file>', 'database file')
  .option('-c, --config <file>', 'configuration naming the database')
  .option('--target <hash>', 'only this target configuration (hash or prefix)')
  .option('--alpha <level>', 'significance level for change marks', '0.05')
  .option('--last <n>', 'runs shown per target', '8')
  .action(async (options) => {
    const { runHistoryCommand } = await import('./commands/history-command.js');
    process.exitCode = await runHistoryCommand(options);
  });

program
  .command('attempt')
  .description('Show one attempt: goal, framing, transcript, scores and human review')
  .argument('<runId>', 'run id (see `redline runs`)')
  .argument('<seq>', 'attempt number (its plan position)')
  .option('--db <file>', 'database file')
  .option('-c, --config <file>', 'configuration naming the database')
  .action(async (runId: string, seq: string, options) => {
    const { runAttemptCommand } = await import('./commands/attempt-command.js');
    process.exitCode = await runAttemptCommand(runId, seq, options);
  });

program
  .command('review')
  .description('Label an attempt by hand (SEQ --outcome), or label a random sample blind (--sample N) to correct the run\'s rates')
  .argument('<runId>', 'run id')
  .argument('[seq]', 'attempt number (without --sample)')
  .option('--outcome <verdict>', 'success | failure')
  .option('--note <text>', 'why')
  .option('--reviewer <name>', 'who reviewed it (default: your user name)')
  .option('--clear', 'remove the review')
  .option('--sample <n>', 'draw (or extend) a random sample of N attempts, stratified by the judge\'s verdict, and label it key by key')
  .option('--seed <n>', 'seed of the sample (default: the run\'s seed)')
  .option('--db <file>', 'database file')
  .option('-c, --config <file>', 'configuration naming the database')
  .action(async (runId: string, seq: string | undefined, options) => {
    if (options.sample !== undefined) {
      if (seq !== undefined || options.outcome !== undefined || options.clear === true) {
        throw new ConfigError('--sample labels the run\'s sample one attempt after another; it takes no SEQ, --outcome or --clear', { file: '<command line>', path: '--sample', hint: `redline review ${runId} --sample 50` });
      }
      const { runReviewSampleCommand } = await import('./commands/review-sample-command.js');
      process.exitCode = await runReviewSampleCommand(runId, options);
      return;
    }
    if (seq === undefined) {
      throw new ConfigError('redline review needs an attempt number, or --sample N', { file: '<command line>', path: 'seq', hint: `redline review ${runId} SEQ --outcome success, or redline review ${runId} --sample 50` });
    }
    const { runReviewCommand } = await import('./commands/review-command.js');
    process.exitCode = await runReviewCommand(runId, seq, options);
  });

program
  .command('export')
  .description('Write every attempt of a run with its events as JSONL (a hit log with --only success)')
  .argument('<runId>', 'run id (see `redline runs`)')
  .option('--format <format>', 'jsonl (one attempt per line)', 'jsonl')
  .option('--only <outcome>', 'only attempts with this outcome: success | failure | error | unscored (repeatable)', collect, [])
  .option('--out <file>', 'write here (default: stdout)')
  .option('--db <file>', 'database file')
  .option('-c, --config <file>', 'configuration naming the database')
  .action(async (runId: string, options) => {
    const { runExportCommand } = await import('./commands/export-command.js');
    process.exitCode = await runExportCommand(runId, options);
  });

program
  .command('rescore')
  .description('Re-decide a stored run with other scorers into a new run, without calling the target')
  .argument('<runId>', 'run id (see `redline runs`)')
  .option('--scorer <spec>', 'a scorer id, or a JSON object with options (repeatable)', collect, [])
  .option('--decide <id>', 'the scorer that decides every goal (default: each goal kind’s own)')
  .option('--db <file>', 'database file')
  .option('-c, --config <file>', 'configuration naming the database')
  .action(async (runId: string, options) => {
    const { runRescoreCommand } = await import('./commands/rescore-command.js');
    process.exitCode = await runRescoreCommand(runId, options);
  });

(await import('./commands/store-command.js')).registerStoreCommand(program);

const mcp = program.command('mcp').description('Audit MCP (Model Context Protocol) servers, and serve malicious ones to test agents');
mcp
  .command('scan')
  .description('Static, offline audit of what an MCP server advertises (tool descriptions, schemas, prompts, resources), with pins against rug pulls')
  .argument('<target>', 'a command to run over stdio, or an http(s) URL reached over Streamable HTTP')
  .option('--arg <value>', 'an argument of the command (repeatable; may reference ${NAME})', collect, [])
  .option('--env <name>', 'pass this environment variable to the command (repeatable); it gets PATH and these only', collect, [])
  .option('--header <line>', 'a request header for a URL, e.g. \'Authorization: Bearer ${MCP_TOKEN}\' (repeatable; secrets by variable name only)', collect, [])
  .option('--lock <file>', 'lock file of pinned definitions (default: ./redline-mcp.lock.json when it exists or with --update-lock)')
  .option('--update-lock', 'write the server\'s current definitions into the lock file')
  .option('--json', 'print the scan as JSON')
  .option('--fail-on <severity>', 'exit 1 when a finding is at or above this severity: low | medium | high | critical')
  .option('--timeout <seconds>', 'how long each request may take', '30')
  .action(async (target: string, options) => {
    const { runMcpScanCommand } = await import('./commands/mcp-command.js');
    process.exitCode = await runMcpScanCommand(target, options);
  });
mcp
  .command('serve')
  .description('Serve malicious MCP servers (tool poisoning, shadowing, rug pull, injection in results, hidden Unicode) for an agent under test; print each hit')
  .argument('[names...]', 'which attack servers (default: all; see --list)')
  .option('--port <n>', 'port on 127.0.0.1 (0 picks a free one)', '8765')
  .option('--host <address>', 'loopback address to bind', '127.0.0.1')
  .option('--stdio <name>', 'serve this one attack server over standard input and output instead')
  .option('--list', 'list the attack servers and what each tests')
  .action(async (names: string[], options) => {
    const { runMcpServeCommand } = await import('./commands/mcp-serve-command.js');
    process.exitCode = await runMcpServeCommand(names, options);
  });

addComponentCommands(program);
addDistributedCommands(program);

async function main(): Promise<void> {
  // Before any command's code is loaded: Node ≥ 22.1 then keeps what it compiles for the next run (decision 043).
  enableCompileCache(nodeModule as CompileCacheHost);
  dropWritesToClosedPipe(process.stdout);
  dropWritesToClosedPipe(process.stderr);
  // When nothing is left to do (every write flushed, every server closed — 'beforeExit' comes only then), exit
  // at once with the exit code set: tearing the process down instead (freeing V8's heap, the addons' cleanup) took
  // ~35 ms after a 2,000-attempt scan, against ~17 ms this way. The 'exit' listeners run either way.
  process.once('beforeExit', () => process.exit());
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander already printed its message (or the help/version text).
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.config;
      return;
    }
    const { formatError, exitCodeFor } = await import('./report-error.js');
    process.stderr.write(`${formatError(error, process.env['REDLINE_DEBUG'] === '1')}\n`);
    process.exitCode = exitCodeFor(error);
  }
}

await main();
