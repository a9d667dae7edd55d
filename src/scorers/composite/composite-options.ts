import { z } from 'zod';

/** How a composite combines its children's verdicts. */
export const compositeOps = ['and', 'or', 'not', 'majority', 'threshold'] as const;

/** One composite operator. */
export type CompositeOp = (typeof compositeOps)[number];

/**
 * Options of a composite scorer, parsed; `of` holds the children's parsed options (`Child` is the scorer-options
 * union, a parameter here so this module need not import the union that contains it).
 */
// An interface, not a type alias: the scorer-options union refers to itself through it, which only interfaces allow.
export interface CompositeScorerOptions<Child = unknown> {
  /** Registry id. */
  readonly id: 'composite';
  /** The scorer's id becomes `composite:NAME`. */
  readonly name: string;
  /** How children's verdicts combine. */
  readonly op: CompositeOp;
  /** The children. */
  readonly of: readonly Child[];
  /** `threshold`: children that must succeed. */
  readonly threshold?: number | undefined;
  /** `majority`: children that must be decided for a majority to count (default: more than half of them). */
  readonly quorum?: number | undefined;
}

/** Options of a composite scorer as written in config: a child may be a bare scorer id. */
export interface CompositeScorerOptionsInput<ChildInput = unknown> extends Omit<CompositeScorerOptions, 'of'> {
  /** The children: scorer entries, or bare scorer ids. */
  readonly of: readonly (string | ChildInput)[];
}

/** Checks the counts each operator needs against the number of children. */
function checkCounts(o: { op: CompositeOp; of: readonly unknown[]; threshold?: number | undefined; quorum?: number | undefined }, ctx: z.RefinementCtx): void {
  const problem = (path: string, message: string): void => void ctx.addIssue({ code: 'custom', path: [path], message });
  if (o.op === 'not' && o.of.length !== 1) problem('of', "'not' takes exactly one scorer");
  if (o.op === 'threshold' && o.threshold === undefined) problem('threshold', "'threshold' needs the number of children that must succeed");
  if (o.threshold !== undefined && (o.op !== 'threshold' || o.threshold > o.of.length)) problem('threshold', 'threshold is for op threshold, at most the number of children');
  if (o.quorum !== undefined && (o.op !== 'majority' || o.quorum > o.of.length)) problem('quorum', 'quorum is for op majority, at most the number of children');
}

/**
 * The composite's options schema, children checked by `child` (the full scorer-options union, passed lazily so
 * composites nest without an import cycle). A bare string child is shorthand for `{ id: STRING }`.
 */
export function compositeScorerOptions<O, I>(child: () => z.ZodType<O, I>): z.ZodType<CompositeScorerOptions<O>, CompositeScorerOptionsInput<I>> {
  const entry = z.lazy(() => z.union([z.string().transform((id, ctx) => bareChild(child(), id, ctx)), child()]));
  return z
    .strictObject({
      id: z.literal('composite'),
      name: z.string().regex(/^[a-z0-9-]+$/).describe('The scorer id becomes composite:NAME'),
      op: z.enum(compositeOps).describe('and | or | not | majority | threshold'),
      of: z.array(entry).min(1).describe('The scorers combined: ids or scorer entries, composites included'),
      threshold: z.number().int().min(1).optional().describe('op threshold: how many children must succeed'),
      quorum: z.number().int().min(1).optional().describe('op majority: how many children must be decided (default: more than half)'),
    })
    .superRefine(checkCounts);
}

/** A bare id parsed as that scorer's default options, with the child's own issues on failure. */
function bareChild<O>(schema: z.ZodType<O>, id: string, ctx: z.RefinementCtx): O {
  const parsed = schema.safeParse({ id });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ code: 'custom', message: `'${id}': ${issue.message}` });
  return z.NEVER;
}
