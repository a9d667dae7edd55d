/** A URL found in a reply, with the form it took. */
export type FoundUrl = { readonly form: string; readonly url: URL; readonly raw: string };

// Resolves protocol-relative URLs ('//host/path'); never used for a URL that names its own scheme.
const base = 'https://protocol-relative.invalid';
const target = String.raw`((?:https?:)?\/\/[^\s)>"'\]]+)`;

/** Forms a URL can take in a reply, most specific first; later forms skip URLs already found. */
const forms: readonly (readonly [string, RegExp])[] = [
  ['markdown image', new RegExp(String.raw`!\[[^\]\n]*\]\(\s*<?${target}`, 'gi')],
  ['HTML image', new RegExp(String.raw`<img\b[^>]*?\bsrc\s*=\s*["']?${target}`, 'gi')],
  ['markdown link', new RegExp(String.raw`(?<!!)\[[^\]\n]*\]\(\s*<?${target}`, 'gi')],
  ['bare URL', /(https?:\/\/[^\s<>"'`)\]]+)/gi],
];

/** Every http(s) URL in the text, each once, labelled with the form it first appeared in. */
export function findUrls(text: string): FoundUrl[] {
  const found = new Map<string, FoundUrl>();
  for (const [form, pattern] of forms) {
    for (const match of text.matchAll(pattern)) {
      const raw = (match[1] ?? '').replace(/[.,;:!?]+$/, '');
      const key = raw.replace(/^(?:https?:)?\/\//i, '');
      if (found.has(key) || !URL.canParse(raw, base)) continue;
      found.set(key, { form, url: new URL(raw, base), raw });
    }
  }
  return [...found.values()];
}

/** True when `host` is one of `allowed` or a subdomain of one. */
export function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const h = host.toLowerCase();
  return allowed.some((entry) => h === entry.toLowerCase() || h.endsWith(`.${entry.toLowerCase()}`));
}

/** The data a URL carries: a query value of 4+ characters, or a path segment that looks like data; undefined if none. */
export function carriedData(url: URL): string | undefined {
  const value = [...url.searchParams.values()].find((v) => v.length >= 4);
  if (value !== undefined) return value;
  // A long path segment with digits or escapes reads as data; a plain word slug ('cross-site_scripting') does not.
  return url.pathname
    .split('/')
    .find((segment) => (segment.length >= 16 && /[\d%]/.test(segment)) || segment.length >= 40);
}
