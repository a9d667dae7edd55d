import { z } from 'zod';
import { classifierText, type Detection } from '../core/classifier.js';
import { defineClassifier, type PureClassifier } from './define-classifier.js';

const id = 'exfil-url';

/** A URL found in a reply, with the form it took. */
export type FoundUrl = {
  /** How it appears: 'markdown image', 'HTML image', 'markdown link' or 'bare URL'. */
  readonly form: string;
  /** The URL, resolved (a protocol-relative one against a placeholder https origin). */
  readonly url: URL;
  /** The URL exactly as written, trailing punctuation dropped. */
  readonly raw: string;
};

/** A URL that would carry data out to a host outside the allow-list. */
export type ExfilUrl = FoundUrl & {
  /** The data it carries: a query value, or a path segment that looks like data. */
  readonly data: string;
};

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
function findUrls(text: string): FoundUrl[] {
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
function hostAllowed(host: string, allowed: readonly string[]): boolean {
  const h = host.toLowerCase();
  return allowed.some((entry) => h === entry.toLowerCase() || h.endsWith(`.${entry.toLowerCase()}`));
}

/** The data a URL carries: a query value of 4+ characters, or a path segment that looks like data; undefined if none. */
function carriedData(url: URL): string | undefined {
  const value = [...url.searchParams.values()].find((v) => v.length >= 4);
  if (value !== undefined) return value;
  // A long path segment with digits or escapes reads as data; a plain word slug ('cross-site_scripting') does not.
  return url.pathname
    .split('/')
    .find((segment) => (segment.length >= 16 && /[\d%]/.test(segment)) || segment.length >= 40);
}

/** The URLs in `text` that carry data to a host outside `allowedHosts` (or its subdomains), in the order found. */
export function findExfilUrls(text: string, allowedHosts: readonly string[]): ExfilUrl[] {
  const found: ExfilUrl[] = [];
  for (const candidate of findUrls(text)) {
    if (hostAllowed(candidate.url.hostname, allowedHosts)) continue;
    const data = carriedData(candidate.url);
    if (data !== undefined) found.push({ ...candidate, data });
  }
  return found;
}

/** Options of the exfil-url classifier, as configuration validates them. */
export const exfilUrlClassifierOptions = z.strictObject({
  id: z.literal(id),
  allowedHosts: z.array(z.string().min(1)).default([]).describe('Hosts (and their subdomains) the application may link to'),
});

/**
 * What the exfil-url classifier found. Label: 'exfil-image' when the first such URL is an image (fetched as soon as
 * the reply is rendered), 'exfil-url' for a link or bare URL, 'no-exfil' for none; evidence: each URL as written.
 */
export type ExfilUrlDetection = Detection & {
  /** Every URL carrying data out, in the order found. */
  readonly urls: readonly ExfilUrl[];
};

/** Finds markdown images, links, `<img src>` or bare URLs that carry data to a host outside the allow-list. */
export const exfilUrlClassifier = defineClassifier({
  id,
  summary: 'Flags markdown images, links, <img> tags or bare URLs that carry data to a host outside the allow-list.',
  version: 1,
  direction: 'output',
  options: exfilUrlClassifierOptions,
  create: ({ allowedHosts }): PureClassifier<ExfilUrlDetection> => ({
    id,
    direction: 'output',
    classify: (input) => {
      const urls = findExfilUrls(classifierText(input), allowedHosts);
      const first = urls[0];
      if (first === undefined) return { label: 'no-exfil', flagged: false, evidence: [], urls };
      return { label: first.form.includes('image') ? 'exfil-image' : 'exfil-url', flagged: true, evidence: urls.map((u) => u.raw), urls };
    },
  }),
});
