/** Where a run stands. */
export type RunStatus = 'running' | 'completed' | 'interrupted' | 'failed';

/** Stable content hashes of every component of a run, for grouping and comparing runs over time. */
export type ComponentHashes = {
  /** Target configuration (secrets are referenced by env var name, never hashed by value). */
  readonly target: string;
  /** Goal set. */
  readonly goals: string;
  /** Technique id → hash. */
  readonly techniques: Readonly<Record<string, string>>;
  /** Converter chain id → hash. */
  readonly chains: Readonly<Record<string, string>>;
  /** Scorer id → hash. */
  readonly scorers: Readonly<Record<string, string>>;
};

/** A set of attempts against one target configuration. */
export type Run = {
  /** Run id, e.g. 'r-20261124-233501-4f2a'. */
  readonly id: string;
  /** Target id. */
  readonly targetId: string;
  /** True when the target is simulated (the demo). */
  readonly simulated: boolean;
  /** Where the run stands. */
  readonly status: RunStatus;
  /** Seed the plan and per-attempt seeds derive from. */
  readonly seed: number;
  /** How many attempts the plan holds. */
  readonly planned: number;
  /** Content hashes of the components. */
  readonly hashes: ComponentHashes;
  /** When the run was created (epoch ms). */
  readonly createdAt: number;
  /** When the run last finished or stopped (epoch ms). */
  readonly finishedAt?: number;
};

/** A run as stored, with what it needs to be resumed, sliced and reported. */
export type StoredRun = Run & {
  /** Trials per cell. */
  readonly trials: number;
  /** The resolved configuration (secrets only as env var names). */
  readonly config: unknown;
  /** Folder the configuration's relative paths resolve against (kept so every slice reads the same files). */
  readonly baseDir: string;
  /** Redline version that created the run. */
  readonly redlineVersion: string;
};
