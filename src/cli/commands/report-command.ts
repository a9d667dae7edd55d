import { dirname } from 'node:path';
import { summarizeStoredRun, writeReports } from '../../api/reports.js';
import { renderTable } from '../../report/terminal-table.js';
import { openDatabase } from '../../store/open-database.js';
import { requireRun } from '../../store/run-store.js';
import { commandDatabase } from './runs-command.js';

/** Prints a stored run's summary and writes its reports again. */
export function runReportCommand(runId: string, options: { db?: string; config?: string; json?: string; html?: string }): number {
  const file = commandDatabase(options);
  const db = openDatabase(file);
  try {
    const run = requireRun(db, { id: runId, file });
    const summary = summarizeStoredRun(db, run);
    const paths = writeReports({ db, run, summary, dir: dirname(file), paths: { json: options.json, html: options.html } });
    process.stdout.write(`${renderTable(summary, { color: process.stdout.isTTY === true, width: process.stdout.columns })}\n`);
    if (paths.json) process.stdout.write(`json: ${paths.json}\n`);
    if (paths.html) process.stdout.write(`html: ${paths.html}\n`);
    return 0;
  } finally {
    db.close();
  }
}
