/**
 * The queue URL with the password from REDLINE_QUEUE_PASSWORD added when the URL has none: a password on a command
 * line is visible to every user of the machine (ps), an environment variable is not.
 */
export function queueUrlWithPassword(url: string, env: Readonly<Record<string, string | undefined>>): string {
  const password = env['REDLINE_QUEUE_PASSWORD'];
  if (password === undefined || password === '') return url;
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') return url;
    parsed.password = password;
    return parsed.toString();
  } catch {
    return url;
  }
}
