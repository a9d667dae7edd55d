import { createLruMap } from './lru-map.js';

/** The cookies an app set, kept per conversation: Set-Cookie from a reply goes back on that conversation's next turn. */
export type CookieJars = {
  /** The `cookie` header value for a conversation's next request; undefined when it holds none. */
  header(conversationId: string): string | undefined;
  /** Takes in a reply's Set-Cookie headers: new values replace old ones, an expired cookie is dropped. */
  store(conversationId: string, setCookies: readonly string[], nowMs: number): void;
  /** Forgets every conversation's cookies. */
  clear(): void;
};

/**
 * Creates cookie jars for at most `limit` conversations (least recently used forgotten first). One target talks to
 * one app, so Domain and Path are not matched; a cookie never crosses from one conversation to another.
 */
export function createCookieJars(options: { limit: number }): CookieJars {
  const jars = createLruMap<string, Map<string, string>>({ limit: options.limit });
  return {
    header(conversationId) {
      const jar = jars.get(conversationId);
      if (jar === undefined || jar.size === 0) return undefined;
      return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
    },
    store(conversationId, setCookies, nowMs) {
      if (setCookies.length === 0) return;
      const jar = new Map(jars.get(conversationId));
      for (const line of setCookies) {
        const [pair = '', ...attributes] = line.split(';');
        const equals = pair.indexOf('=');
        const name = pair.slice(0, Math.max(equals, 0)).trim();
        if (name === '') continue;
        if (expired(attributes, nowMs)) jar.delete(name);
        else jar.set(name, pair.slice(equals + 1).trim());
      }
      jars.set(conversationId, jar);
    },
    clear: () => jars.clear(),
  };
}

/** True when Max-Age is zero or negative, or Expires is in the past: the app is deleting the cookie. */
function expired(attributes: readonly string[], nowMs: number): boolean {
  for (const attribute of attributes) {
    const [key = '', ...rest] = attribute.split('=');
    const value = rest.join('=').trim();
    if (key.trim().toLowerCase() === 'max-age') return Number(value) <= 0;
    if (key.trim().toLowerCase() === 'expires' && Date.parse(value) <= nowMs) return true;
  }
  return false;
}
