/** The options of `redline scan` a resumed run still reads: where the database and reports are, output, gates. */
export type ResumedScanOptions = {
  config?: string; db?: string; json?: string; html?: string; reports: boolean; progress: boolean;
  failOn?: string[]; gateBound?: string; allowUndecided?: boolean; store?: string; queue?: string; queuePrefix?: string;
};

// Quotes a word for a POSIX shell when it holds anything but safe characters.
function shellWord(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/**
 * The command that resumes an interrupted scan, ready to copy: `redline scan --resume ID` with the options the user
 * gave that a resume still reads (--config and --db find the database; reports, progress and gates as before).
 * Options that shape a new run (--trials, --seed, --concurrency, --no-probe) are left out: a resume uses the stored run's.
 */
export function resumeCommandLine(runId: string, options: ResumedScanOptions): string {
  const words = ['redline', 'scan', '--resume', runId];
  if (options.config !== undefined) words.push('--config', options.config);
  if (options.db !== undefined) words.push('--db', options.db);
  if (options.store !== undefined) words.push('--store', options.store);
  if (options.queue !== undefined) words.push('--queue', options.queue);
  if (options.queue !== undefined && options.queuePrefix !== undefined && options.queuePrefix !== 'redline') words.push('--queue-prefix', options.queuePrefix);
  if (options.json !== undefined) words.push('--json', options.json);
  if (options.html !== undefined) words.push('--html', options.html);
  if (!options.reports) words.push('--no-reports');
  if (!options.progress) words.push('--no-progress');
  for (const gate of options.failOn ?? []) words.push('--fail-on', gate);
  if (options.gateBound !== undefined) words.push('--gate-bound', options.gateBound);
  if (options.allowUndecided === true) words.push('--allow-undecided');
  return words.map(shellWord).join(' ');
}
