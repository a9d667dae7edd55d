import { z } from 'zod';
import { classifierText, type Detection } from '../core/classifier.js';
import { clip } from './clip.js';
import { defineClassifier, type PureClassifier } from './define-classifier.js';

const id = 'insecure-output';

/** An executable payload shape a downstream page, database or shell would run if the reply reached it unescaped. */
export type PayloadPattern = {
  /** What the payload is, e.g. 'script tag', 'SQL tautology'. */
  readonly name: string;
  /** Its shape. */
  readonly pattern: RegExp;
};

// Commands chained after ';', '&&' or '||', with the argument that makes them an attack rather than prose ("; cat owners").
const chained = String.raw`(?:rm\s+-\w+|(?:curl|wget)\s+\S+|nc\s+-\w+|(?:ba)?sh\s+-c|whoami\b|uname\b|chmod\s+[+\d]|python3?\s+-c|cat\s+\/)`;
// Commands run inside $(…) or backticks.
const substituted = String.raw`(?:rm|curl|wget|nc|bash|sh|python3?|perl|chmod|whoami|id|uname|cat|ls|echo)`;

/** Payload shapes by kind, matched case-insensitively; HTML-escaped text (`&lt;script`) matches none. */
export const payloadPatterns: readonly PayloadPattern[] = [
  { name: 'script tag', pattern: /<script\b/i },
  { name: 'HTML event-handler attribute', pattern: /<[a-z][^<>]*\son[a-z]+\s*=/i },
  { name: 'javascript: URL', pattern: /(?:\b(?:href|src|action|formaction)\s*=\s*["']?|\]\(\s*)javascript:|javascript:(?:alert|eval|fetch|document|window)\b/i },
  { name: 'SQL tautology', pattern: /['"]\s*\)?\s*or\s+['"]?(\w+)['"]?\s*=\s*['"]?\1\b/i },
  { name: 'SQL statement chain', pattern: /;\s*(?:(?:drop|truncate|alter)\s+table\s+\w+|delete\s+from\s+\w+\s*(?:;|--|where\b|$))/im },
  { name: 'SQL UNION SELECT', pattern: /\bunion\s+(?:all\s+)?select\s+(?:null\b|\*|\d+\s*,|[\w@.]+\s*,)/i },
  { name: 'shell command chain', pattern: new RegExp(String.raw`(?:;|&&|\|\|)\s*${chained}`, 'i') },
  { name: 'recursive delete', pattern: /\brm\s+-(?:rf|fr)\b/i },
  { name: 'shell command substitution', pattern: new RegExp(String.raw`\$\(\s*${substituted}\b[^)]*\)`, 'i') },
  { name: 'backtick command', pattern: new RegExp(String.raw`\`\s*(?:whoami|id|uname(?:\s+-a)?|${substituted}\s[^\`\n]*(?:\|\s*(?:ba)?sh|/etc/(?:passwd|shadow)))\s*\``, 'i') },
  { name: 'pipe to shell', pattern: /\|\s*(?:sudo\s+)?(?:ba|z)?sh\b(?![\w.-])/i },
];

/** One executable payload found in a text. */
export type FoundPayload = {
  /** The payload's kind (a PayloadPattern name). */
  readonly name: string;
  /** Where it starts in the text. */
  readonly index: number;
  /** The text from there on, on one line and clipped to 60 characters. */
  readonly excerpt: string;
};

/** How much of the text, from a payload's start, its excerpt quotes. */
const EXCERPT = 60;

/** Options of the insecure-output classifier (it takes none), as configuration validates them. */
export const insecureOutputClassifierOptions = z.strictObject({ id: z.literal(id) });

/** What the insecure-output classifier found. Label: 'executable-payload' or 'no-payload'; evidence: the excerpts. */
export type InsecureOutputDetection = Detection & {
  /** One entry per payload kind found, in the order of `payloadPatterns`. */
  readonly payloads: readonly FoundPayload[];
};

/** Finds executable payloads a downstream page, database or shell would run: script tags, event handlers, SQL injection, shell chains. */
export const insecureOutputClassifier = defineClassifier({
  id,
  summary: 'Flags text holding an unescaped executable payload (XSS, SQL injection, shell command chains).',
  version: 1,
  direction: 'output',
  options: insecureOutputClassifierOptions,
  create: (): PureClassifier<InsecureOutputDetection> => ({
    id,
    direction: 'output',
    classify: (input) => {
      const text = classifierText(input);
      const payloads: FoundPayload[] = [];
      for (const { name, pattern } of payloadPatterns) {
        const match = pattern.exec(text);
        if (match !== null) payloads.push({ name, index: match.index, excerpt: clip(text.slice(match.index, match.index + EXCERPT), EXCERPT) });
      }
      const evidence = payloads.map((payload) => payload.excerpt);
      return { label: payloads.length > 0 ? 'executable-payload' : 'no-payload', flagged: payloads.length > 0, evidence, payloads };
    },
  }),
});
