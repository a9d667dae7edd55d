import { ConfigError } from '../core/errors.js';

const SENSITIVE_HEADER = /auth|key|token|secret|cookie|password|session/i;
const ONLY_REFERENCES = /^\s*(?:[A-Za-z]+\s+)?(?:\$\{[A-Za-z_][A-Za-z0-9_]*\}\s*)+$/;
const SENSITIVE_QUERY = /^(?:api[-_]?key|key|token|access[-_]?token|secret|password|sig|signature)$/i;

/**
 * Refuses target options that hold a credential as literal text: the options are stored with every run,
 * so a secret must be referenced by env var name (`${NAME}`) and never written into the database.
 */
export function assertNoLiteralSecrets(target: Record<string, unknown>, file: string): void {
  const fail = (path: string, hint: string): never => {
    throw new ConfigError(`${file}: ${path} holds a literal credential, which Redline would store with the run`, { file, path, hint });
  };
  const headers = target['headers'];
  if (headers !== null && typeof headers === 'object') {
    for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
      if (typeof value === 'string' && SENSITIVE_HEADER.test(name) && !ONLY_REFERENCES.test(value)) {
        fail(`target.headers.${name}`, `reference an environment variable instead, e.g. "${name}: Bearer \${MY_API_KEY}"`);
      }
    }
  }
  for (const key of ['url', 'baseUrl']) {
    const value = target[key];
    if (typeof value !== 'string') continue;
    let url: URL;
    try {
      url = new URL(value.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*\}/g, 'x'));
    } catch {
      continue;
    }
    if (url.password !== '' || (url.username !== '' && url.username !== 'x')) fail(`target.${key}`, 'move the credentials out of the URL into a header that references an environment variable');
    for (const [name, v] of new URL(value.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*\}/g, '${}')).searchParams) {
      if (SENSITIVE_QUERY.test(name) && !/^\$\{\}$/.test(v)) fail(`target.${key}`, `reference an environment variable for the "${name}" parameter, e.g. ${name}=\${MY_KEY}`);
    }
  }
}
