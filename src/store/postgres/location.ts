/**
 * The store URL as messages show it: the password (in the authority or a `password` parameter) removed, so no
 * location, log line or StoreError ever carries it.
 */
export function postgresLocation(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = '';
    parsed.searchParams.delete('password');
    return parsed.toString();
  } catch {
    // Not a URL the WHATWG parser accepts: drop whatever sits between the user name and the host.
    return url.replace(/(\/\/[^/:@]*):[^@/]*@/, '$1@').replace(/([?&])password=[^&]*&?/i, '$1');
  }
}

/** The password a store URL carries, if any (to scrub it from messages a driver may echo). */
export function postgresPassword(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    const password = decodeURIComponent(parsed.password) || parsed.searchParams.get('password') || '';
    return password === '' ? undefined : password;
  } catch {
    return undefined;
  }
}
