/** What a target factory may use from its surroundings; the CLI fills it, tests pass their own. */
export type TargetContext = {
  /** Environment variables, for secrets referenced by name (only the CLI reads process.env). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Folder that relative paths in the target's options are resolved against (the config file's). */
  readonly baseDir: string;
  /** The config file the options came from, for error messages ('<options>' when given in code). */
  readonly configFile: string;
  /** Most connections the target keeps open to its host: the run's concurrency (default: as many as requests need). */
  readonly connections?: number;
};
