import type { Command } from 'commander';

/**
 * The command groups that work on components rather than runs: classic-ML scans, datasets, converters, techniques
 * and target types. Each action imports its command module when it runs (a fast `--help`).
 */
export function addComponentCommands(program: Command): void {
  const ml = program.command('ml').description('Classic ML: evasion attacks against ordinary classifiers (digit recognisers, spam filters, tabular models)');
  ml
    .command('scan')
    .description('Run evasion attacks on correctly classified samples; store one attempt per attack × sample; print success with intervals, queries and perturbation sizes')
    .option('-c, --config <file>', 'ML scan configuration (YAML); default: the demo digit victim, 20 digits, hop-skip-jump, simba and square')
    .option('--db <file>', 'SQLite database (default: the configuration\'s output, .redline/redline.db)')
    .option('--json', 'print the figures as JSON')
    .option('--no-progress', 'print no progress lines')
    .action(async (options) => {
      const { runMlScanCommand } = await import('./commands/ml-command.js');
      process.exitCode = await runMlScanCommand(options);
    });
  ml
    .command('attacks')
    .description('List the classic-ML attacks with their threat model (label-only or score-based), norm and source')
    .option('--json', 'print them as JSON')
    .action(async (options) => {
      const { runMlAttacksCommand } = await import('./commands/ml-command.js');
      process.exitCode = runMlAttacksCommand(options);
    });

  const datasets = program.command('datasets').description('Public red-team datasets: list them, download them');
  datasets
    .command('list')
    .description('List the datasets Redline imports, with persona and license')
    .action(async () => {
      const { runDatasetsListCommand } = await import('./commands/datasets-command.js');
      process.exitCode = runDatasetsListCommand();
    });
  datasets
    .command('pull')
    .description('Download a dataset from its official location and verify its SHA-256')
    .argument('<id>', 'dataset id (see `redline datasets list`)')
    .option('--dir <dir>', 'where to put it', '.redline/datasets')
    .option('--base-url <url>', 'a mirror to download from instead (file names appended)')
    .action(async (id: string, options: { dir?: string; baseUrl?: string }) => {
      const { runDatasetsPullCommand } = await import('./commands/datasets-command.js');
      process.exitCode = await runDatasetsPullCommand(id, options);
    });

  const converters = program.command('converters').description('Prompt converters');
  converters
    .command('try')
    .description('Show what a converter does to a text')
    .argument('<name>', 'converter id (see `redline list converters`)')
    .argument('<text>', 'the text to convert')
    .option('--option <key=value...>', 'converter options, e.g. --option shift=5')
    .action(async (name: string, text: string, options: { option?: string[] }) => {
      const { runConvertersTryCommand } = await import('./commands/converters-command.js');
      process.exitCode = runConvertersTryCommand(name, text, options);
    });

  const techniques = program.command('techniques').description('Inspect techniques');
  techniques
    .command('show')
    .description('Show a technique: source, options, taxonomy, and the exact text it sends or asks its attacker')
    .argument('<id>', 'technique id (see `redline list techniques`)')
    .action(async (id: string) => {
      const { runTechniquesShowCommand } = await import('./commands/techniques-command.js');
      process.exitCode = runTechniquesShowCommand(id);
    });

  const targets = program.command('targets').description('Inspect target types');
  targets
    .command('list')
    .description('List the target types')
    .option('-c, --config <file>', 'configuration whose plugins to include (default: ./redline.yaml when present)')
    .action(async (options: { config?: string }) => {
      const { runTargetsListCommand } = await import('./commands/targets-command.js');
      process.exitCode = await runTargetsListCommand(options);
    });
  targets
    .command('show')
    .description('Show a target type; for demo, its metaprompt and true per-technique success probabilities')
    .argument('<type>', 'target type, e.g. demo')
    .option('--defense <level>', 'demo defense level: none | low | medium | high', 'medium')
    .action(async (type: string, options: { defense: string }) => {
      const { runTargetsShowCommand } = await import('./commands/targets-command.js');
      process.exitCode = runTargetsShowCommand(type, options);
    });
}
