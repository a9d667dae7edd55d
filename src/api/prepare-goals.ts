import { resolve } from 'node:path';
import { ConfigError, DatasetError } from '../core/errors.js';
import type { Goal } from '../core/goal.js';
import { builtinGoalSets } from '../datasets/builtin-goal-sets.js';
import { readGoalFile } from '../datasets/goal-file.js';
import { loadDataset } from '../datasets/load-dataset.js';
import type { GoalSource } from '../config/schema.js';
import { agentSuites, suiteGoals } from '../agents/suites/index.js';

/** Loads every goal source in order; duplicate ids are a configuration error. */
export function prepareGoals(sources: readonly GoalSource[], where: { file: string; baseDir: string; datasetDir: string }): Goal[] {
  const goals: Goal[] = [];
  const seen = new Map<string, number>();
  sources.forEach((source, index) => {
    const loaded: readonly Goal[] =
      'suite' in source && !('dataset' in source)
        ? suiteGoals(agentSuites[source.suite as string]!)
        : 'dataset' in source
        ? fromDataset(source, { ...where, index })
        : 'builtin' in source
          ? builtinGoalSets[source.builtin as string] ?? []
          : 'file' in source
            ? readGoalFile(resolve(where.baseDir, source.file))
            : [{ ...source, source: 'inline' }];
    for (const goal of loaded) {
      const first = seen.get(goal.id);
      if (first !== undefined) {
        throw new ConfigError(`${where.file}: goals[${index}]: goal id '${goal.id}' is already used by goals[${first}]`, {
          file: where.file,
          path: `goals[${index}]`,
          hint: 'give every goal a unique id, or list each goal set once',
        });
      }
      seen.set(goal.id, index);
      goals.push(goal);
    }
  });
  if (goals.length === 0) {
    throw new DatasetError(`${where.file}: the goal sources hold no goals`, { file: where.file, hint: 'add goals, or use { builtin: starter }' });
  }
  return goals;
}

/** Reads a dataset goal source; an importer's option error is re-labelled with the config file and entry. */
function fromDataset(source: GoalSource & { dataset: string }, where: { file: string; baseDir: string; datasetDir: string; index: number }): Goal[] {
  const { dataset, file, ...options } = source as { dataset: string; file?: string } & Record<string, unknown>;
  try {
    return loadDataset({ dataset, file: file === undefined ? undefined : resolve(where.baseDir, file), dir: where.datasetDir, options });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const path = `goals[${where.index}]${error.path === 'file' || error.path === '(top level)' ? '' : `.${error.path}`}`;
    throw new ConfigError(`${where.file}: ${path}: ${error.message}`, { file: where.file, path, hint: error.hint, cause: error });
  }
}
