/** One attempt that ended in an error, as a report's errors panel lists it. */
export type ErrorExample = {
  /** Plan position: the number `redline attempt RUN SEQ` takes. */
  readonly seq: number;
  /** Goal id. */
  readonly goalId: string;
  /** Technique instance, as shown. */
  readonly technique: string;
  /** Converter chain id. */
  readonly chain: string;
  /** Goal category. */
  readonly category: string;
  /** The error's one readable line, as recorded. */
  readonly message: string;
};

/** The attempts of a run that ended in one kind of error, with the first few of them. */
export type ErrorKindCounts = {
  /** Failure kind, e.g. 'http-429', 'timeout', 'network'. */
  readonly kind: string;
  /** Attempts that ended in it. */
  readonly attempts: number;
  /** The first of them in plan order, at most as many as asked for. */
  readonly examples: readonly ErrorExample[];
};
