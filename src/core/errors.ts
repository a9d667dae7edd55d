/** Base class of every error Redline raises on purpose: a message plus a hint for the user. */
export class RedlineError extends Error {
  /** What the user can do about it, in one line. */
  readonly hint: string | undefined;

  constructor(message: string, options: { hint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options.hint;
  }
}

/** A target did not answer usefully. */
export class TargetError extends RedlineError {
  /** Id of the target that failed. */
  readonly targetId: string;
  /** Failure kind stored on the attempt, e.g. 'http-429', 'timeout', 'network', 'bad-response'. */
  readonly kind: string;
  /** HTTP status, when there was one. */
  readonly status: number | undefined;
  /** True when trying again may help (429, 5xx, timeouts, resets). */
  readonly retryable: boolean;
  /** Milliseconds the target asked us to wait (Retry-After), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(
    message: string,
    fields: { targetId: string; kind: string; retryable: boolean; status?: number; retryAfterMs?: number; hint?: string; cause?: unknown },
  ) {
    super(message, { cause: fields.cause, ...(fields.hint === undefined ? {} : { hint: fields.hint }) });
    this.targetId = fields.targetId;
    this.kind = fields.kind;
    this.status = fields.status;
    this.retryable = fields.retryable;
    this.retryAfterMs = fields.retryAfterMs;
  }
}

/** A defense layer of a guarded target could not decide (it threw, or its guard service failed): the call fails closed. */
export class LayerError extends TargetError {
  /** Instance id of the layer that failed. */
  readonly layer: string;

  constructor(
    message: string,
    fields: { layer: string; targetId: string; kind: string; retryable: boolean; status?: number; retryAfterMs?: number; hint?: string; cause?: unknown },
  ) {
    super(message, fields);
    this.layer = fields.layer;
  }
}

/** A configuration file or option is wrong. */
export class ConfigError extends RedlineError {
  /** The file at fault, or '<options>' for programmatic input. */
  readonly file: string;
  /** Path inside it, e.g. 'target.baseUrl' or 'techniques[2]'. */
  readonly path: string;

  constructor(message: string, fields: { file: string; path: string; hint?: string; cause?: unknown }) {
    super(message, { hint: fields.hint, cause: fields.cause });
    this.file = fields.file;
    this.path = fields.path;
  }
}

/** The database could not be opened, read or written. */
export class StoreError extends RedlineError {
  /** The database file. */
  readonly file: string;

  constructor(message: string, fields: { file: string; hint?: string; cause?: unknown }) {
    super(message, { hint: fields.hint, cause: fields.cause });
    this.file = fields.file;
  }
}

/** The queue of a distributed scan (Redis) could not be reached or used. */
export class QueueError extends RedlineError {
  /** The queue's URL, without its password. */
  readonly queue: string;

  constructor(message: string, fields: { queue: string; hint?: string; cause?: unknown }) {
    super(message, { hint: fields.hint, cause: fields.cause });
    this.queue = fields.queue;
  }
}

/**
 * A rate limiter could not answer (a shared one whose Redis is gone): the machinery around an attempt failed, not the
 * attempt. It is never recorded as the attempt's outcome; the execution fails and the position runs again.
 */
export class LimiterError extends RedlineError {}

/** A dataset or goal file could not be read. */
export class DatasetError extends RedlineError {
  /** The file at fault. */
  readonly file: string;
  /** Row or line number (1-based), when one row is at fault. */
  readonly row: number | undefined;

  constructor(message: string, fields: { file: string; row?: number; hint?: string; cause?: unknown }) {
    super(message, { hint: fields.hint, cause: fields.cause });
    this.file = fields.file;
    this.row = fields.row;
  }
}
