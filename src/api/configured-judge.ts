import { loadConfig } from '../config/load-config.js';
import { systemClock } from '../engine/clock.js';
import type { HelperModel } from '../engine/helper-model.js';
import { buildTarget } from './build-target.js';
import { judgeModelFor } from './judge-model-for.js';

/** A judge model for scoring outside a run (`redline calibrate`, `redline score`), and how to release it. */
export type ConfiguredJudge = {
  /** The judge, asked with the configuration's timeout and retries, its id as a run's judge scorers hash it; undefined when none is configured. */
  readonly judge: HelperModel | undefined;
  /** Deprecation lines the configuration earned, for the CLI to print. */
  readonly warnings: readonly string[];
  /** Releases the judge target's connections. */
  close(): Promise<void>;
};

/**
 * The judge model a configuration file's `models.judge` names, built as a scan builds it (the file's plugins, timeout
 * and retries apply; its other settings are not used). A file without `models.judge` gives none: only a scorer that
 * needs a judge is refused for it, when it is built.
 */
export async function configuredJudge(input: { file: string; cwd: string; env: Readonly<Record<string, string | undefined>> }): Promise<ConfiguredJudge> {
  const loaded = await loadConfig({ file: input.file, cwd: input.cwd });
  const { config } = loaded;
  if (config.models.judge === undefined) return { judge: undefined, warnings: loaded.warnings, close: async () => undefined };
  const context = { env: input.env, baseDir: loaded.baseDir, configFile: loaded.file, connections: config.concurrency };
  const target = buildTarget(config.models.judge, { components: loaded.components, context });
  const judge = judgeModelFor(target, { config, clock: systemClock(), stop: new AbortController().signal });
  return { judge, warnings: loaded.warnings, close: async () => target.close?.() };
}
