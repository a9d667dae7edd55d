import { oneOf, transcriptFields, scoreRows, readTranscriptRows, writeTextFile } from '../../api/calibration.js';
import { OUTCOMES, PERSONAS } from '../../core/outcome.js';
import { EXIT } from '../exit-codes.js';
import { withCommandLineScorer } from './command-line-scorer-run.js';

/** What `redline score` takes. */
export type ScoreCommandOptions = {
  /** Transcript file: JSONL, JSON array or CSV. */
  input: string;
  /** Scorer id (see `redline list scorers`). */
  scorer: string;
  /** The scorer's options as a JSON object, e.g. '{"pattern": "…"}'. */
  scorerOptions?: string;
  /** Configuration whose `models.judge` an LLM-judge scorer asks. */
  config?: string;
  /** Field holding the goal (default 'goal'; the prompt stands in when a row has none). */
  goalField?: string;
  /** Field holding the response (default 'response'). */
  responseField?: string;
  /** Field holding the prompt sent (default 'prompt'). */
  promptField?: string;
  /** Persona of every goal: malicious (default) or benign. */
  persona?: string;
  /** Write the JSONL here instead of to stdout. */
  out?: string;
};

/** Scores each row of a transcript file and writes one JSON line per row: row, outcome, label, value, explanation. */
export async function runScoreCommand(options: ScoreCommandOptions): Promise<number> {
  const persona = oneOf(options.persona ?? 'malicious', { known: PERSONAS, flag: '--persona', what: 'persona' });
  const { scorer, scored } = await withCommandLineScorer(options, async ({ scorer }) => ({
    scorer, scored: await scoreRows({ rows: readTranscriptRows(options.input), scorer, fields: transcriptFields(options), persona }),
  }));
  const jsonl = scored.map((row) => `${JSON.stringify(row)}\n`).join('');
  if (options.out === undefined) {
    process.stdout.write(jsonl);
  } else {
    writeTextFile({ file: options.out, text: jsonl, flag: '--out' });
  }
  const counts = OUTCOMES.map((outcome) => [outcome, scored.filter((row) => row.outcome === outcome).length] as const).filter(([, n]) => n > 0);
  const where = options.out === undefined ? '' : ` → ${options.out}`;
  process.stderr.write(`scored ${scored.length} rows with ${scorer.id}${where}: ${counts.map(([o, n]) => `${o} ${n}`).join(', ') || 'no rows'}\n`);
  return EXIT.ok;
}
