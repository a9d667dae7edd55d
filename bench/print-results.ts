import { dashboardPagesLines } from './dashboard-pages.js';
import type { BenchResults } from './goals.js';

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function dashboardLines(d: NonNullable<BenchResults['dashboard']>): string {
  const made = d.generatedMs === undefined ? 'cached' : `generated in ${(d.generatedMs / 1000).toFixed(1)} s`;
  return [
    `dashboard data at ${d.attempts} attempts (database ${(d.dbBytes / 2 ** 20).toFixed(0)} MB, ${made}); ms, median of 5 after a warm-up`,
    table(['query', 'ms'], [...Object.entries(d.aggregatesMs).map(([name, ms]) => [`aggregates.${name}`, ms.toFixed(1)]), ['summarizeStoredRun', d.summarizeMs.toFixed(1)]]),
    `RSS after: ${d.rssMb.toFixed(0)} MB (peak ${d.peakRssMb.toFixed(0)} MB)`,
  ].join('\n');
}

/** The end-to-end table: fresh `redline scan` processes, medians per case. */
export function cliLines(cli: NonNullable<BenchResults['cli']>): string {
  return [
    `redline scan, a fresh process per run (start-up included), mock in its own process; Node ${process.version}; median of ${cli.repeats}`,
    table(
      ['attempts', 'C', 'L ms', 'seconds', 'attempts/s', 'C/L', 'efficiency', 'CPU ms/att', 'main thread', 'peak RSS MB', 'first request ms'],
      cli.medians.map((s) => [
        String(s.attempts), String(s.concurrency), s.jitterMs > 0 ? `${s.latencyMs}±${s.jitterMs}` : String(s.latencyMs), s.seconds.toFixed(2), s.attemptsPerSecond.toFixed(0), s.limitPerSecond.toFixed(0),
        `${(s.efficiency * 100).toFixed(1)}%`, s.cpuMsPerAttempt.toFixed(2), Number.isNaN(s.mainThreadCpuMsPerAttempt) ? '—' : s.mainThreadCpuMsPerAttempt.toFixed(2),
        s.peakRssMb.toFixed(0), s.firstRequestMs.toFixed(0),
      ]),
    ),
    `first request: a bare Node process that only sends one request gets there in ${cli.nodeFirstRequestMs.toFixed(0)} ms on this machine (the floor)`,
    'main thread: the part of CPU ms/att spent on the main thread (Linux); the rest is V8 compiling and collecting on its own threads',
    `runs: ${cli.runs.map((s) => `${s.attempts} (±${s.jitterMs}): ${s.seconds.toFixed(2)} s, ${(s.efficiency * 100).toFixed(1)}%, ${s.cpuMsPerAttempt.toFixed(2)} ms/att, ${s.peakRssMb.toFixed(0)} MB, first ${s.firstRequestMs.toFixed(0)} ms`).join('; ')}`,
  ].join('\n');
}

/** Prints the scan table, the CLI timings and the goals to stdout. */
export function printResults(results: BenchResults): void {
  const scans = table(
    ['attempts', 'C', 'L ms', 'seconds', 'attempts/s', 'C/L', 'efficiency', 'CPU ms/att', 'peak RSS MB', 'DB B/att'],
    results.scans.map((s) => [
      String(s.attempts), String(s.concurrency), s.jitterMs > 0 ? `${s.latencyMs}±${s.jitterMs}` : String(s.latencyMs),
      s.seconds.toFixed(1), s.attemptsPerSecond.toFixed(0), s.limitPerSecond === null ? '—' : s.limitPerSecond.toFixed(0),
      s.efficiency === null ? '—' : `${(s.efficiency * 100).toFixed(1)}%`, s.cpuMsPerAttempt.toFixed(2), s.peakRssMb.toFixed(0), s.dbBytesPerAttempt.toFixed(0),
    ]),
  );
  const cli = table(
    ['attempts per run', 'report ms', 'compare ms'],
    results.largeRuns.map((r) => [String(r.attempts), r.reportMs.toFixed(0), r.compareMs.toFixed(0)]),
  );
  const dashboard = results.dashboard === undefined ? 'dashboard data: skipped (REDLINE_BENCH_BIG=0)'
    : [dashboardLines(results.dashboard), ...(results.dashboardPages === undefined ? [] : ['', ...dashboardPagesLines(results.dashboardPages)])].join('\n');
  const goals = table(['goal', 'measured', 'status'], results.goals.map((g) => [g.goal, g.measured, g.status]));
  const one = results.distributed?.find((d) => d.workers === 1);
  const distributed = results.distributed === undefined ? 'distributed scans: skipped (set REDLINE_TEST_POSTGRES_URL and REDLINE_TEST_REDIS_URL)'
    : table(
      ['workers', 'c each', 'L ms', 'attempts', 'attempts/s', 'k·c/L', 'of limit', '× 1 worker'],
      results.distributed.map((d) => [
        String(d.workers), String(d.perWorkerConcurrency), String(d.latencyMs), String(d.attempts), d.attemptsPerSecond.toFixed(0),
        d.limitPerSecond.toFixed(0), `${(d.efficiency * 100).toFixed(1)}%`, one === undefined ? '—' : (d.attemptsPerSecond / one.attemptsPerSecond).toFixed(2),
      ]),
    );
  const { machine } = results;
  const scoring = results.scoring === undefined ? 'scoring: skipped (the public reply sets are absent)'
    : `refusal + objective scorers over ${results.scoring.replies} real replies: ${results.scoring.firstPassUs.toFixed(0)} µs CPU per reply cold (first pass), ${results.scoring.secondPassUs.toFixed(0)} µs warm`;
  const inj = results.injectionDetector;
  const injection = `injection detector: median ${inj.medianMs.toFixed(3)} ms, p95 ${inj.p95Ms.toFixed(3)} ms, max ${inj.maxMs.toFixed(2)} ms per input over ${inj.inputs} inputs (${inj.from})`;
  process.stdout.write([
    `Redline bench (${results.mode}) · ${results.date} · ${machine.cpus} × ${machine.cpuModel} · Node ${machine.node}`,
    '', ...(results.cli === undefined ? [] : [cliLines(results.cli), '', 'scan() in a warmed-up process:']), scans, '', `redline --help: ${results.helpMs.toFixed(0)} ms (median of 5)`, '', injection, '', scoring, '', cli, '', distributed, '', dashboard, '', goals, '',
  ].join('\n'));
}
