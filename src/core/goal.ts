import type { Persona } from './outcome.js';

/** What an attack tries to make the target do, e.g. "reveal the system prompt". */
export type Goal = {
  /** Stable id within its source, e.g. 'starter/system-prompt' or 'harmbench/dimethylmercury'. */
  readonly id: string;
  /** The request itself, in plain words, as a user would make it. */
  readonly text: string;
  /** Harm or security category, e.g. 'cyber-misuse' or 'system-prompt-leakage'. */
  readonly category: string;
  /** Who makes this request: an attacker, or an ordinary user who should be helped. */
  readonly persona: Persona;
  /** Where the goal comes from: 'starter', a dataset name, or a file path. */
  readonly source: string;
  /** Id of the scorer that decides this goal's outcome (the run's default when absent). */
  readonly scorer?: string;
  /**
   * Evidence of success in the reply, as a regular expression (JavaScript syntax, case-insensitive), for goals
   * whose success is a visible marker: an injected "reply with X", an exfiltration URL, an echoed payload.
   * Read by the `goal-pattern` scorer.
   */
  readonly successPattern?: string;
  /** Source-specific fields an importer keeps (e.g. a BIPIA context, an XSTest type); techniques may read them. */
  readonly metadata?: Readonly<Record<string, string>>;
};
