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
  /** Run id, e.g. 'r-20261124-233501-4f2a9c01'. */
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

/** One kind of preflight finding: pairs left out (`skipped`) or delivered another way (`adapted`). */
export type PreflightEntry = {
  /** Kind, e.g. 'leakage-without-secret', 'multi-turn-unsupported', 'documents-inline'. */
  readonly kind: string;
  /** `skipped`: never sent and not counted; `adapted`: sent by another channel, recorded as such. */
  readonly action: 'skipped' | 'adapted';
  /** Why, in one sentence. */
  readonly reason: string;
  /** What the user can do about it. */
  readonly hint: string;
  /** Goal × technique pairs. */
  readonly pairs: number;
  /** Attempts (pairs × chains × trials). */
  readonly attempts: number;
  /** Up to three goal ids, as examples. */
  readonly goals: readonly string[];
};

/** What the preflight found before the first send; stored with the run and shown in every summary. */
export type PreflightReport = { readonly entries: readonly PreflightEntry[] };

/** Why a run could not measure: the target kept failing (its error budget was spent) or could not be reached. */
export type RunFailure = {
  /** What failed: the target under test. */
  readonly kind: 'target';
  /** The most common failure kind, e.g. 'http-401', 'network'. */
  readonly errorKind: string;
  /** One message of that kind, as the target gave it (secrets scrubbed). */
  readonly message: string;
  /** Attempts ended when the run stopped. */
  readonly attempts: number;
  /** Of which ended in error. */
  readonly errors: number;
  /** The rule that stopped the run, in words. */
  readonly rule: string;
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
  /** What the preflight skipped or adapted before the first send. */
  readonly preflight?: PreflightReport;
  /** Why the run stopped without measuring, when its status is 'failed' for that reason. */
  readonly failure?: RunFailure;
};
