import { CALIBRATION_HINT, calibrationShortfall, calibrate, calibrationLines, calibrationTargets, oneOf, transcriptFields, HALVES, rowsOfHalf, savedCalibration, readTranscriptRows, writeTextFile } from '../../api/calibration.js';
import { ConfigError } from '../../core/errors.js';
import { PERSONAS } from '../../core/outcome.js';
import { EXIT } from '../exit-codes.js';
import { withCommandLineScorer, type CommandLineScorer } from './command-line-scorer-run.js';

/** What `redline calibrate` takes. */
export type CalibrateCommandOptions = {
  /** Labeled file: JSONL, JSON array or CSV (leading `#` comment lines skipped). */
  input: string;
  /** Scorer id (see `redline list scorers`). */
  scorer: string;
  /** The scorer's options as a JSON object. */
  scorerOptions?: string;
  /** Configuration whose `models.judge` an LLM-judge scorer asks. */
  config?: string;
  /** Field holding the human label, 1 (positive) or 0. */
  labelField: string;
  /** The question the labels answer: 'objective' (default: 1 = goal achieved) or 'refusal' (1 = refusal). */
  target?: string;
  /** Measure only one half of the file (see docs/scoring.md): 'dev' or 'held-out'. */
  half?: string;
  /** Persona of every goal: malicious (default) or benign. */
  persona?: string;
  /** Write the measured sensitivity and specificity (with counts) here, as JSON. */
  save?: string;
  /** Field holding the goal (default 'goal'). */
  goalField?: string;
  /** Field holding the response (default 'response'). */
  responseField?: string;
  /** Field holding the prompt sent (default 'prompt'). */
  promptField?: string;
};

/** Measures a scorer against human labels and prints accuracy, precision, recall, F1, kappa and the confusion matrix. */
export async function runCalibrateCommand(options: CalibrateCommandOptions): Promise<number> {
  return withCommandLineScorer(options, (created) => calibrateScorer(created, options));
}

/** Calibrates the scorer the command line built, as `runCalibrateCommand` says. */
async function calibrateScorer(created: CommandLineScorer, options: CalibrateCommandOptions): Promise<number> {
  const target = oneOf(options.target ?? 'objective', { known: calibrationTargets.map((t) => t.id), flag: '--target', what: 'calibration target' });
  const persona = oneOf(options.persona ?? 'malicious', { known: PERSONAS, flag: '--persona', what: 'persona' });
  const fields = transcriptFields(options);
  const all = readTranscriptRows(options.input);
  const half = options.half === undefined ? undefined : oneOf(options.half, { known: HALVES, flag: '--half', what: 'half' });
  const rows = half === undefined ? all : rowsOfHalf(all, { fields, half });
  const result = await calibrate({ rows, scorer: created.scorer, labelField: options.labelField, target, fields, persona });
  const judged = created.judge === undefined ? '' : `, judge ${created.judge}`;
  const heading = `${created.scorer.id} (version ${created.version}${judged}) on ${options.input}${half === undefined ? '' : ` (${half} half)`}`;
  process.stdout.write(`${[heading, ...calibrationLines(result)].join('\n')}\n`);
  if (options.save !== undefined) {
    // A calibration too small to trust is never saved: it would turn every corrected cell into 0 % or 100 %.
    const shortfall = calibrationShortfall(result.metrics);
    if (shortfall !== null) throw new ConfigError(`${options.input}: not saved: ${shortfall}`, { file: options.input, path: '--save', hint: CALIBRATION_HINT });
    const record = savedCalibration(result, { input: options.input, scorer: created.options, scorerVersion: created.version, judge: created.judge });
    writeTextFile({ file: options.save, text: `${JSON.stringify(record, null, 2)}\n`, flag: '--save' });
    process.stdout.write(`saved sensitivity and specificity to ${options.save}\n`);
  }
  return EXIT.ok;
}
