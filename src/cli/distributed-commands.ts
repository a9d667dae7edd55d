import type { Command } from 'commander';

/** `redline worker`: the process that executes slices of runs queued by `redline scan --queue`. */
export function addDistributedCommands(program: Command): void {
  program
    .command('worker')
    .description('Execute slices of distributed runs (queued by `redline scan --queue`) from every target queue, until stopped')
    .requiredOption('--queue <url>', 'Redis URL of the queue, e.g. redis://127.0.0.1:6379 (password: REDLINE_QUEUE_PASSWORD)')
    .requiredOption('--store <location>', 'the store the coordinators use: a postgres:// URL (password: PGPASSWORD) or a SQLite file on this machine')
    .option('--concurrency <n>', 'attempts in flight in this process (default: each run\'s configured concurrency)')
    .option('--slices <n>', 'slices executed at once, sharing the concurrency', '2')
    .option('--prefix <name>', 'key prefix shared with the coordinators', 'redline')
    .option('--lock-ms <n>', 'a slice whose worker is silent this long goes to another worker', '30000')
    .option('--quiet', 'print only failures')
    .action(async (options) => {
      const { runWorkerCommand } = await import('./commands/worker-command.js');
      process.exitCode = await runWorkerCommand(options);
    });
}
