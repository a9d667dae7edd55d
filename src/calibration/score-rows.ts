import type { Persona, Verdict } from '../core/outcome.js';
import type { Score, Scorer, ScoreInput } from '../core/score.js';
import type { DatasetRow } from '../datasets/dataset-row.js';
import { rowInput, type TranscriptFields } from './transcript-fields.js';

/** One row's score, as `redline score` writes it. */
export type ScoredRow = {
  /** The row's number in its file (CSV: as a spreadsheet shows it; JSONL: the line). */
  readonly row: number;
  /** The scorer's verdict for this row. */
  readonly outcome: Verdict;
  /** The scorer's reading, e.g. 'refusal' or 'compliance'. */
  readonly label: string;
  /** Strength in [0, 1], when the scorer gives one. */
  readonly value?: number;
  /** The scorer's reason. */
  readonly explanation: string;
};

/** Scores every row in order: goals are built with the given persona (malicious unless told) and category 'calibration'. */
export async function scoreRows(options: {
  rows: readonly DatasetRow[];
  scorer: Scorer;
  fields: TranscriptFields;
  persona?: Persona;
}): Promise<ScoredRow[]> {
  const persona = options.persona ?? 'malicious';
  const out: ScoredRow[] = [];
  for (const row of options.rows) {
    const score = await scoreSafely(options.scorer, rowInput(row, { fields: options.fields, persona }));
    const scored = { row: row.row, outcome: score.verdict, label: score.label, explanation: score.reason };
    out.push(score.value === undefined ? scored : { ...scored, value: score.value });
  }
  return out;
}

/** A scorer that throws (a bug, a judge that failed) gives `unscored` for that row, as in a run; the file goes on. */
async function scoreSafely(scorer: Scorer, input: ScoreInput): Promise<Score> {
  try {
    return await scorer.score(input);
  } catch (error) {
    return { scorerId: scorer.id, verdict: 'unscored', label: 'scorer-error', reason: `Scorer failed: ${error instanceof Error ? error.message : String(error)}` };
  }
}
