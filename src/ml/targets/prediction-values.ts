/**
 * The class index a classifier's answer names: a class name from `labels`, or an integer index into it (a number,
 * a bigint from an int64 tensor); undefined when it names no class.
 */
export function labelIndex(value: unknown, labels: readonly string[]): number | undefined {
  if (typeof value === 'string') {
    const found = labels.indexOf(value);
    return found === -1 ? undefined : found;
  }
  const index = typeof value === 'bigint' ? Number(value) : value;
  return typeof index === 'number' && Number.isInteger(index) && index >= 0 && index < labels.length ? index : undefined;
}

/**
 * Class probabilities from an answer: an array with one finite number per class, or an object mapping each class
 * name to its number; undefined for anything else.
 */
export function probabilityVector(value: unknown, labels: readonly string[]): Float32Array | undefined {
  const values = Array.isArray(value)
    ? value
    : typeof value === 'object' && value !== null
      ? labels.map((label) => (Object.hasOwn(value, label) ? (value as Record<string, unknown>)[label] : undefined))
      : undefined;
  if (values === undefined || values.length !== labels.length) return undefined;
  if (!values.every((v) => typeof v === 'number' && Number.isFinite(v))) return undefined;
  return Float32Array.from(values as number[]);
}

/** A value for a message: short JSON, so a class name and an index read differently. */
export function describeValue(value: unknown): string {
  const text = typeof value === 'bigint' ? String(value) : JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 60)}…` : text;
}
