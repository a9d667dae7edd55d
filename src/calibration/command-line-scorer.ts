import { describeIssue } from '../config/zod-issue.js';
import { ConfigError } from '../core/errors.js';
import { createScorer, type CreatedScorer } from '../scorers/create-scorer.js';
import type { JudgeModel } from '../scorers/judge/judge-model.js';
import { scorerRegistry } from '../scorers/registry.js';
import { scorerOptions } from '../scorers/scorer-options.js';
import { oneOf } from './command-line-options.js';

const COMMAND_LINE = '<command line>';

/**
 * Builds a registered scorer from `--scorer ID` and `--scorer-options '{…}'` (JSON, validated like config); an LLM
 * judge asks `judge`, the model `--config FILE` names, and without one is a ConfigError saying so.
 */
export function commandLineScorer(options: { scorer: string; scorerOptions?: string; judge?: JudgeModel | undefined }): CreatedScorer {
  const id = oneOf(options.scorer, { known: scorerRegistry.map((d) => d.id), flag: '--scorer', what: 'scorer' });
  const parsed = scorerOptions.safeParse({ ...parseJsonObject(options.scorerOptions ?? '{}'), id });
  if (!parsed.success) {
    const problem = describeIssue(parsed.error.issues[0]!);
    throw new ConfigError(`--scorer-options: ${problem.path}: ${problem.message}`, { file: COMMAND_LINE, path: `--scorer-options ${problem.path}`, hint: problem.hint });
  }
  // No target is involved: canaries and the system prompt come from --scorer-options or not at all.
  try {
    return createScorer(parsed.data, { canaries: [], judge: options.judge });
  } catch (error) {
    if (!(error instanceof ConfigError) || error.path !== 'models.judge') throw error;
    throw new ConfigError(`--scorer ${id}: ${error.message}`, {
      file: COMMAND_LINE, path: '--config', hint: 'pass --config FILE, a configuration whose models.judge names the judge model (e.g. your redline.yaml with a `judge:` under `models:`)', cause: error,
    });
  }
}

function parseJsonObject(text: string): Record<string, unknown> {
  const hint = `write a JSON object, e.g. --scorer-options '{"pattern": "BEGIN PRIVATE KEY"}'`;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new ConfigError('--scorer-options is not valid JSON', { file: COMMAND_LINE, path: '--scorer-options', hint, cause });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError('--scorer-options is not a JSON object', { file: COMMAND_LINE, path: '--scorer-options', hint });
  }
  return value as Record<string, unknown>;
}
