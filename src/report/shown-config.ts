/** What a report shows in place of a value that could be a credential. */
export const REDACTED = '[redacted]';

// Keys whose values are credentials; a value made only of ${ENV} references names a variable and is kept.
const SENSITIVE_KEY = /auth|key|token|secret|cookie|password|passwd|session|credential|signature/i;
// `apiKeyEnv: NAME` names an environment variable, never a value.
const NAMES_A_VARIABLE = /Env$/;
const ONLY_REFERENCES = /^\s*(?:[A-Za-z]+\s+)?(?:\$\{[A-Za-z_][A-Za-z0-9_]*\}\s*)+$/;
const SENSITIVE_QUERY = /^(?:api[-_]?key|key|token|access[-_]?token|secret|password|sig|signature|auth)$/i;

/**
 * A run's stored configuration as a report may show it: values under credential-like keys, URL passwords and
 * credential-like query parameters are replaced unless they only reference environment variables. (The configuration
 * refuses literal credentials before a run is stored; this is the second line, for whatever got past it.)
 */
export function shownConfig(config: unknown): unknown {
  return redact(config, '');
}

function redact(value: unknown, key: string): unknown {
  if (typeof value === 'string') {
    if (SENSITIVE_KEY.test(key) && !NAMES_A_VARIABLE.test(key) && !ONLY_REFERENCES.test(value)) return REDACTED;
    return redactUrl(value);
  }
  if (Array.isArray(value)) return value.map((item) => redact(item, key));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, redact(v, k)]));
  }
  return value;
}

function redactUrl(text: string): string {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return text;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return text;
  }
  let changed = false;
  if (url.password !== '') {
    url.password = 'redacted';
    changed = true;
  }
  for (const [name, v] of [...url.searchParams]) {
    if (SENSITIVE_QUERY.test(name) && !ONLY_REFERENCES.test(v)) {
      url.searchParams.set(name, REDACTED);
      changed = true;
    }
  }
  return changed ? url.toString() : text;
}
