import type { Goal } from '../core/goal.js';
import type { Persona } from '../core/outcome.js';
import { readCsvRows } from './csv-rows.js';
import { optionalText, requiredText, type DatasetRow } from './dataset-row.js';
import { compactMetadata } from './dataset-text.js';
import { assertGoalLength } from './input-limits.js';

/** One row's columns, read with the dataset's hint bound: `text` for a required column, `optional` for the rest. */
export type RowReader = {
  /** The row itself. */
  readonly row: DatasetRow;
  /** A column that must hold text (a DatasetError naming file, row and column otherwise). */
  text(column: string): string;
  /** A column's text, or undefined when blank or absent. */
  optional(column: string): string | undefined;
};

/** What an importer makes of one row: a goal without its source, its id without the dataset prefix. */
export type RowGoal = {
  /** Id within the dataset; the goal's id is `<dataset>/<id>`. */
  readonly id: string;
  /** The goal text. */
  readonly text: string;
  /** Category, kebab-case. */
  readonly category: string;
  /** Persona. */
  readonly persona: Persona;
  /** Metadata; blank entries are dropped. */
  readonly metadata?: Readonly<Record<string, string | undefined>>;
};

/** Where the rows come from and what to tell the user when a row is wrong. */
export type RowGoalSpec = {
  /** Dataset id: the goals' source and id prefix. */
  readonly dataset: string;
  /** One line naming the expected file, e.g. 'expected AdvBench’s harmful_behaviors.csv (columns goal, target)'. */
  readonly hint: string;
};

/** Maps dataset rows to goals; `map` returns undefined to skip a row. */
export function rowGoals(rows: readonly DatasetRow[], spec: RowGoalSpec, map: (read: RowReader) => RowGoal | undefined): Goal[] {
  return rows.flatMap((row) => {
    const goal = map({ row, text: (column) => requiredText(row, column, spec.hint), optional: (column) => optionalText(row, column) });
    if (goal === undefined) return [];
    assertGoalLength(goal.text, { file: row.file, row: row.row });
    const metadata = goal.metadata === undefined ? undefined : compactMetadata(goal.metadata);
    const { id, text, category, persona } = goal;
    return [{ id: `${spec.dataset}/${id}`, text, category, persona, source: spec.dataset, ...(metadata === undefined ? {} : { metadata }) }];
  });
}

/** Reads a CSV file whose header must name `required`, and maps its rows to goals. */
export function csvGoals(file: string, spec: RowGoalSpec & { required: readonly string[] }, map: (read: RowReader) => RowGoal | undefined): Goal[] {
  return rowGoals(readCsvRows(file, spec), spec, map);
}
