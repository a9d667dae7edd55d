/** An executable payload shape a downstream page, database or shell would run if the reply reached it unescaped. */
export type PayloadPattern = { readonly name: string; readonly pattern: RegExp };

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
