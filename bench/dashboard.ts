// `node dist-bench/bench/dashboard.js [ATTEMPTS]`: the run page's data over a cached large stored run, each aggregate timed.
import { fileURLToPath } from 'node:url';
import { bigRun } from './big-run.js';
import { measureDashboardData } from './dashboard-case.js';
import { dashboardPagesLines, measureDashboardPages } from './dashboard-pages.js';

async function main(): Promise<void> {
  const attempts = Number(process.argv[2] ?? 1_000_000);
  if (!Number.isInteger(attempts) || attempts < 1) throw new Error(`not a number of attempts: ${process.argv[2]}`);
  const log = (line: string): void => { process.stderr.write(`${line}\n`); };
  const fixture = await bigRun({ attempts, cacheDir: fileURLToPath(new URL('../../bench/.cache/', import.meta.url)), log });
  if (fixture.generatedMs !== undefined) log(`generated in ${(fixture.generatedMs / 1000).toFixed(1)} s`);
  const m = await measureDashboardData({ file: fixture.file, runId: fixture.runId, attempts, dbBytes: fixture.bytes, ...(fixture.generatedMs === undefined ? {} : { generatedMs: fixture.generatedMs }) });
  const lines = [
    `${attempts} attempts, database ${(m.dbBytes / 2 ** 20).toFixed(0)} MB${m.generatedMs === undefined ? ' (cached)' : `, generated in ${(m.generatedMs / 1000).toFixed(1)} s`}`,
    ...Object.entries(m.aggregatesMs).map(([name, ms]) => `  aggregates.${name.padEnd(14)} ${ms.toFixed(1).padStart(9)} ms`),
    `  summarizeStoredRun         ${m.summarizeMs.toFixed(1).padStart(9)} ms (median of 5 after a warm-up)`,
    `  RSS ${m.rssMb.toFixed(0)} MB, peak ${m.peakRssMb.toFixed(0)} MB`,
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  const pages = await measureDashboardPages({ file: fixture.file, runId: fixture.runId, attempts, log });
  process.stdout.write(`${dashboardPagesLines(pages).join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`dashboard bench failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
