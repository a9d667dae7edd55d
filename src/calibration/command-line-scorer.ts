import { describeIssue } from '../config/zod-issue.js';
import { ConfigError } from '../core/errors.js';
import { createScorer, type CreatedScorer } from '../scorers/create-scorer.js';
import { scorerRegistry } from '../scorers/registry.js';
import { scorerOptions } from '../scorers/scorer-options.js';
import { oneOf } from './command-line-options.js';

const COMMAND_LINE = '<command line>';

/** Builds a registered scorer from `--scorer ID` and `--scorer-options '{…}'` (JSON, validated like config). */
export function commandLineScorer(options: { scorer: string; scorerOptions?: string }): CreatedScorer {
  const id = oneOf(options.scorer, { known: scorerRegistry.map((d) => d.id), flag: '--scorer', what: 'scorer' });
  const parsed = scorerOptions.safeParse({ ...parseJsonObject(options.scorerOptions ?? '{}'), id });
  if (!parsed.success) {
    const problem = describeIssue(parsed.error.issues[0]!);
    throw new ConfigError(`--scorer-options: ${problem.path}: ${problem.message}`, { file: COMMAND_LINE, path: `--scorer-options ${problem.path}`, hint: problem.hint });
  }
  // No target is involved: canaries and the system prompt come from --scorer-options or not at all.
  return createScorer(parsed.data, { canaries: [] });
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
