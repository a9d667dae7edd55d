import type { z } from 'zod';

/** A judge reply read against a schema: the value, or what was wrong with it in words the judge can act on. */
export type JudgeJsonReading<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** The JSON object in a reply: the whole reply, a fenced code block, or the span from the first `{` to the last `}`. */
function jsonSpan(text: string): string | undefined {
  const fenced = /```(?:json)?\s*([\s\S]*?)```/i.exec(text)?.[1] ?? text;
  const start = fenced.indexOf('{');
  const end = fenced.lastIndexOf('}');
  return start >= 0 && end > start ? fenced.slice(start, end + 1) : undefined;
}

/** Reads a judge's reply as one JSON object validated by `schema`. */
export function readJudgeJson<T>(text: string, schema: z.ZodType<T>): JudgeJsonReading<T> {
  const span = jsonSpan(text);
  if (span === undefined) return { ok: false, problem: 'it contains no JSON object' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(span);
  } catch (error) {
    return { ok: false, problem: `it is not valid JSON (${(error as Error).message})` };
  }
  const result = schema.safeParse(parsed);
  if (result.success) return { ok: true, value: result.data };
  const issues = result.error.issues.map((i) => `${i.path.join('.') || 'object'}: ${i.message}`);
  return { ok: false, problem: `the JSON does not fit the contract (${issues.join('; ')})` };
}
