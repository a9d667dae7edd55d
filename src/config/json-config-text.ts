// A configuration whose text is JSON is also a YAML 1.2 document with the same value, and JSON.parse reads it ten times
// faster than the YAML parser on a cold start (a 10 KB file: under 1 ms against 25–50 ms). The one difference that
// matters: JSON.parse keeps the last of two equal keys in an object, where YAML (and Redline) refuse the file.

/** Keys written in JSON text: each string literal followed by a ':'. The text must already have parsed as JSON. */
function keysWritten(text: string): number {
  let keys = 0;
  let i = 0;
  while (i < text.length) {
    if (text.charCodeAt(i) !== 0x22) {
      i += 1;
      continue;
    }
    // Skip the string literal, escapes included.
    i += 1;
    while (i < text.length && text.charCodeAt(i) !== 0x22) i += text.charCodeAt(i) === 0x5c ? 2 : 1;
    i += 1;
    while (i < text.length && ' \t\n\r'.includes(text.charAt(i))) i += 1;
    if (text.charCodeAt(i) === 0x3a) keys += 1;
  }
  return keys;
}

/** Keys held by the parsed value's objects, at every depth. */
function keysHeld(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((sum: number, item) => sum + keysHeld(item), 0);
  if (typeof value !== 'object' || value === null) return 0;
  let keys = 0;
  for (const item of Object.values(value)) keys += 1 + keysHeld(item);
  return keys;
}

/**
 * The value of configuration text that is a JSON object with no key repeated within an object; undefined for anything
 * else — YAML, JSON with an error or a repeated key — which the YAML parser then reads (and explains, with line and
 * column).
 */
export function readJsonConfig(text: string): unknown {
  if (!text.trimStart().startsWith('{')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  return keysHeld(value) === keysWritten(text) ? value : undefined;
}
