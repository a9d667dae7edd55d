import { commandLineScorer, configuredJudge } from '../../api/calibration.js';
import { sanitizeTerminal } from '../../api/terminal-output.js';

/** A scorer built from the command line, with its options, version and judge. */
export type CommandLineScorer = ReturnType<typeof commandLineScorer>;

/** What names a scorer on the command line: `--scorer`, `--scorer-options`, and `--config` for an LLM judge's model. */
export type ScorerFlags = { scorer: string; scorerOptions?: string; config?: string };

/**
 * Builds the scorer the flags name and runs `use` with it; an LLM judge asks the model `--config FILE`'s
 * `models.judge` names, whose connections are closed when `use` is done.
 */
export async function withCommandLineScorer<T>(flags: ScorerFlags, use: (created: CommandLineScorer) => Promise<T>): Promise<T> {
  const configured = flags.config === undefined ? undefined : await configuredJudge({ file: flags.config, cwd: process.cwd(), env: process.env });
  for (const warning of configured?.warnings ?? []) process.stderr.write(`warning: ${sanitizeTerminal(warning)}\n`);
  try {
    return await use(commandLineScorer({ ...flags, judge: configured?.judge }));
  } finally {
    await configured?.close();
  }
}
