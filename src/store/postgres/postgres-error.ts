import { StoreError } from '../../core/errors.js';

/** The pieces of a failure a message is made of: pg's SQLSTATE or Node's errno code, and its text. */
function partsOf(error: unknown): { code: string; text: string } {
  const code = typeof (error as { code?: unknown } | null)?.code === 'string' ? (error as { code: string }).code : '';
  // Node reports a refused connection to a host with several addresses as an AggregateError with an empty message.
  const inner = error instanceof AggregateError ? error.errors.map((e: unknown) => (e instanceof Error ? e.message : String(e))).join('; ') : '';
  const text = error instanceof Error ? error.message || inner || code || error.name : String(error);
  return { code, text };
}

/** Advice for a failed PostgreSQL operation, chosen from its SQLSTATE or errno code; undefined when none fits. */
export function postgresHint(error: unknown): string | undefined {
  const { code, text } = partsOf(error);
  if (/^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|ECONNRESET)$/.test(code) || /timeout expired|Connection terminated/i.test(text)) {
    return 'check that PostgreSQL is running and reachable at the host and port of the store URL';
  }
  if (code === '28P01' || code === '28000' || /password|SASL|SCRAM/i.test(text)) return 'check the user name and password of the store URL (or PGPASSWORD)';
  if (code === '3D000') return 'create the database first (createdb NAME, or CREATE DATABASE), or fix its name in the store URL';
  if (code === '42501') return 'the role lacks a privilege Redline needs: grant it, or connect as the database owner';
  if (code === '53300') return 'the server has no free connection: close other clients or raise max_connections';
  if (code === '57P01' || code === '57P03') return 'the server is shutting down or starting up: try again in a moment';
  if (code === '42P01') return 'this database has no Redline schema: run `redline store migrate` with this URL';
  if (code === '53100') return 'the server\'s disk is full: free space on the database server';
  return undefined;
}

/** Only a server's error or a socket's is kept as the cause: neither ever holds the URL (a URL parser's error does). */
function safeCause(error: unknown): boolean {
  const fields = error as { severity?: unknown; syscall?: unknown } | null;
  return error instanceof AggregateError || typeof fields?.severity === 'string' || typeof fields?.syscall === 'string';
}

/** A message without the password, in whatever form it might appear (a long enough password also bare). */
function scrub(text: string, password: string | undefined): string {
  if (password === undefined) return text;
  const forms = [`:${password}@`, `:${encodeURIComponent(password)}@`, `password=${password}`, `password=${encodeURIComponent(password)}`];
  let out = forms.reduce((t, form) => t.split(form).join(form.startsWith(':') ? ':***@' : 'password=***'), text);
  // A short password may also be a word of the message ('redline' in "redline_schema"); a long one never is.
  if (password.length >= 10) out = out.split(password).join('***');
  return out;
}

/**
 * A StoreError for a failed PostgreSQL operation: `cannot <action> in <location>: <reason>`, with a hint. The
 * password is scrubbed from the reason in case anything ever echoes it, and a cause that might hold the URL is left off.
 */
export function postgresFailure(input: { location: string; password: string | undefined; action: string; error: unknown }): StoreError {
  if (input.error instanceof StoreError) return input.error;
  const reason = scrub(partsOf(input.error).text, input.password);
  return new StoreError(`cannot ${input.action} in ${input.location}: ${reason}`, {
    file: input.location, hint: postgresHint(input.error), ...(safeCause(input.error) ? { cause: input.error } : {}),
  });
}
