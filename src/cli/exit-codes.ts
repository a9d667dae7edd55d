/** Process exit codes, documented in docs/cli.md. */
export const EXIT = {
  /** Everything went as asked. */
  ok: 0,
  /** A `--fail-on` gate failed. */
  gateFailed: 1,
  /** The configuration or the command line is wrong. */
  config: 2,
  /** The database or a report file could not be used. */
  store: 3,
  /** A dataset or goal file could not be read. */
  dataset: 4,
  /** A target could not be used at all. */
  target: 5,
  /** An unexpected internal error (a bug: please report it). */
  internal: 70,
  /** Stopped by Ctrl-C; the run can be resumed. */
  interrupted: 130,
} as const;
