import { dirname, relative, resolve } from 'node:path';
import { assertPlainRunId, runPageInput, summarizeStoredRun, writeReports } from '../../api/reports.js';
import { databasePath } from '../../api/scan.js';
import { storeLocation } from '../../api/open-store.js';
import { redlineVersion } from '../../api/version.js';
import { loadConfig } from '../../api/configuration.js';
import { writeTextFile, renderCsv, type GatedRun, type HtmlReportInput, reportPolicy, renderHtml, renderJson, renderJunit, renderMarkdown, renderSarif } from '../../api/report-formats.js';
import { ConfigError } from '../../core/errors.js';
import { gateLines, renderTable } from '../../api/terminal-output.js';
import { judgeRun } from '../../api/judge-run.js';
import { withExistingStore } from '../../api/open-store.js';
import { EXIT } from '../exit-codes.js';

/** The formats `redline report --format` writes. */
export const REPORT_FORMATS = ['json', 'html', 'md', 'junit', 'sarif', 'csv'] as const;

/** A report format. */
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** Options of `redline report`. */
export type ReportCommandOptions = {
  /** Database file (default: the configuration's). */
  db?: string;
  /** Configuration file: names the database, severity rules and default gates. */
  config?: string;
  /** Without --format: the JSON summary path. */
  json?: string;
  /** Without --format: the HTML report path. */
  html?: string;
  /** One format to render; without it the table is printed and JSON and HTML written. */
  format?: string;
  /** Where to write the format (default: stdout). */
  out?: string;
  /** Gate expressions; any given replace the configured ones. */
  failOn?: string[];
  /** Which number of each rate gates compare: upper, lower or point. */
  gateBound?: string;
  /** Cells with no decided attempt pass the rate gates instead of failing them. */
  allowUndecided?: boolean;
};

/** Runs `redline report`: renders a stored run, applies the gates; returns 0, or 1 when a gate fails. */
export async function runReportCommand(runId: string, options: ReportCommandOptions): Promise<number> {
  // The id names the default report files: one that could leave the output folder is refused up front.
  assertPlainRunId(runId, { path: 'runId' });
  const format = reportFormat(options.format);
  const cwd = process.cwd();
  const loaded = await loadConfig({ file: options.config, cwd });
  // Bad gates fail before anything is read or written.
  const policy = reportPolicy({ config: loaded.config, configFile: loaded.file, failOn: options.failOn, gateBound: options.gateBound, allowUndecided: options.allowUndecided });
  const file = options.db ? storeLocation(options.db, cwd) : databasePath(loaded.config, loaded.baseDir);
  return withExistingStore(file, async (store) => {
    const run = await store.runs.require(runId);
    const summary = await summarizeStoredRun(store, run);
    const gated = judgeRun({ summary, policy, components: loaded.components });
    if (format === undefined) {
      const paths = await writeReports({ store, run, summary, dir: dirname(file), paths: { json: options.json, html: options.html }, outcome: gated.outcome });
      process.stdout.write(`${renderTable(summary, { color: process.stdout.isTTY === true, width: process.stdout.columns })}\n`);
      if (paths.json) process.stdout.write(`json: ${paths.json}\n`);
      if (paths.html) process.stdout.write(`html: ${paths.html}\n`);
    } else {
      // SARIF points at the configuration when it sits in the working tree (else at the default redline.yaml).
      const inTree = loaded.file.startsWith('<') ? undefined : relative(cwd, loaded.file).split('\\').join('/');
      const artifact = inTree === undefined || inTree.startsWith('..') ? undefined : inTree;
      const page = format === 'html' ? await runPageInput({ store, run, summary, outcome: gated.outcome }) : undefined;
      const text = render(format, { page, gated, artifact });
      if (options.out === undefined) process.stdout.write(text);
      else writeTextFile({ file: resolve(cwd, options.out), text, flag: '--out' });
    }
    const lines = gateLines(gated.outcome);
    if (lines.length > 0) process.stderr.write(`${lines.join('\n')}\n`);
    return gated.outcome.failed ? EXIT.gateFailed : EXIT.ok;
  });
}

function reportFormat(value: string | undefined): ReportFormat | undefined {
  if (value === undefined || (REPORT_FORMATS as readonly string[]).includes(value)) return value as ReportFormat | undefined;
  throw new ConfigError(`unknown report format '${value}'`, { file: '<command line>', path: '--format', hint: `use one of ${REPORT_FORMATS.join(', ')}` });
}

function render(format: ReportFormat, input: { page: HtmlReportInput | undefined; gated: GatedRun; artifact: string | undefined }): string {
  const { gated } = input;
  switch (format) {
    case 'json':
      return renderJson(gated.summary);
    case 'html':
      return renderHtml(input.page ?? { summary: gated.summary, examples: [] });
    case 'md':
      return renderMarkdown(gated);
    case 'junit':
      return renderJunit(gated);
    case 'sarif':
      return renderSarif(gated, { toolVersion: redlineVersion(), ...(input.artifact === undefined ? {} : { artifactUri: input.artifact }) });
    case 'csv':
      return renderCsv(gated);
  }
}
