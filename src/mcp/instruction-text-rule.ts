// Our own patterns for tool-poisoning text, after the public write-ups of MCP tool poisoning (Invariant Labs, 2025).
import { injectionPatterns, instructionOverride } from '../classifiers/injected-instruction-classifier.js';
import { quoteAround } from './evidence.js';
import { mcpFinding, mcpSeverityRank, type McpFinding, type McpSeverity } from './finding.js';
import type { ItemText } from './item-texts.js';
import { readAsModel } from './read-as-model.js';

/** One kind of model-addressed text: what it is called in a finding, how bad it is alone, and its patterns. */
type Signal = { readonly label: string; readonly severity: McpSeverity; readonly patterns: readonly RegExp[] };

const USER = '(?:the\\s+)?(?:user|human|operator|person)s?';

const SIGNALS: readonly Signal[] = [
  {
    label: 'overrides earlier instructions',
    severity: 'high',
    patterns: [instructionOverride],
  },
  {
    label: 'hides something from the user',
    severity: 'high',
    patterns: [
      new RegExp(`\\b(?:do\\s+not|don['’]t|never|must\\s+not|should\\s+not|shouldn['’]t)\\s+(?:\\w+\\s+){0,2}?(?:tell|mention|inform|reveal|show|notify|alert|disclose|explain)\\b[^.!?\\n]{0,40}?\\b${USER}\\b`, 'i'),
      new RegExp(`\\bwithout\\s+(?:telling|informing|notifying|alerting|asking|showing)\\s+${USER}\\b`, 'i'),
      new RegExp(`\\b${USER}\\s+(?:must|should|will|need)\\s+(?:not|never)\\s+(?:know|see|notice|be\\s+told|find\\s+out)\\b`, 'i'),
      new RegExp(`\\b(?:keep|hide)\\s+(?:this|it|that|these)\\b[^.!?\\n]{0,30}?\\bfrom\\s+${USER}\\b`, 'i'),
      /\b(?:do\s+not|don['’]t|never)\s+(?:mention|reveal|disclose)\s+(?:this|that|these|it)\b/i,
    ],
  },
  {
    label: 'names a secret file',
    severity: 'high',
    patterns: [
      /(?:~|\$HOME|%USERPROFILE%)[/\\]\.(?:ssh|aws|gnupg|kube|docker|config)\b|\.ssh[/\\]|\bid_(?:rsa|dsa|ecdsa|ed25519)\b/i,
      /(?:^|[\s'"`(])\.env\b|\.aws[/\\]credentials\b|\.npmrc\b|\.netrc\b|\.pgpass\b|\/etc\/(?:passwd|shadow)\b|\bmcp\.json\b|\.cursor[/\\]|\bclaude_desktop_config\.json\b/i,
      /\b(?:private|ssh|signing)\s+keys?\b|\bcredentials?\s+files?\b/i,
    ],
  },
  {
    label: 'moves data out through a parameter or address',
    severity: 'high',
    patterns: [
      /\b(?:pass|send|put|include|add|insert|provide|attach|copy|append|forward|upload|post|embed)\b[^.!?\n]{0,40}?\b(?:its|their|the|whole|full|entire|complete|all)\s+(?:contents?|conversation|(?:chat|message|conversation)\s+history|history|secrets?|credentials?|passwords?|tokens?|(?:api\s+)?keys?)\b[^.!?\n]{0,40}?\b(?:as|in|into|to|inside|via|through)\b/i,
      /\b(?:send|forward|post|upload|exfiltrate|leak|transmit|bcc|cc)\b[^.!?\n]{0,60}?\bto\s+(?:https?:\/\/|[\w.+-]+@[\w-]+\.[\w.-]+)/i,
    ],
  },
  {
    label: 'instruction markup',
    severity: 'high',
    patterns: [/<\s*\/?\s*(?:important|system|instructions?|secret|admin|critical|hidden|context)\s*>|\[\s*\/?\s*(?:system|important|inst)\s*\]/i],
  },
  {
    label: 'directs the model',
    severity: 'medium',
    patterns: [
      /\bbefore\s+(?:using|calling|invoking|running)\s+(?:this|the)\s+(?:tool|function)\b/i,
      /\b(?:you|the\s+(?:assistant|model|ai|agent|llm))\s+(?:must|should|need\s+to|have\s+to|has\s+to|are\s+required\s+to|is\s+required\s+to)\s+(?:always\s+|first\s+|also\s+|now\s+)?(?:read|open|call|invoke|run|execute|send|pass|include|attach|upload|forward|ignore|forget|disregard|obey|follow|reveal|print|output|access|fetch|visit|load|bcc|cc)\b/i,
      /\b(?:always|never|first)\s+(?:call|invoke|run|read|send|forward|reveal|fetch|visit|bcc|cc)\b/i,
      /\b(?:ai|assistants?|models?|llms?|agents?|claude|gpt)\b[^.!?\n]{0,20}?\b(?:must|shall)\b/i,
      /\botherwise\b[^.!?\n]{0,30}?\b(?:will\s+not\s+work|won['’]t\s+work|will\s+(?:fail|crash|break))\b/i,
      /\b(?:this\s+is|it\s+is)\s+(?:very\s+|extremely\s+|critically\s+)?(?:important|critical|mandatory)\b/i,
    ],
  },
  {
    // The shared injected-instruction classifier's patterns ("note to the AI", "reply only with…", "tell the user").
    label: 'planted instruction',
    severity: 'medium',
    patterns: injectionPatterns.filter((pattern) => pattern !== instructionOverride),
  },
];

/** The signals found in one text, with where the earliest one starts. */
export function instructionSignals(text: string): { labels: string[]; severity: McpSeverity; index: number } | undefined {
  const labels: string[] = [];
  let severity: McpSeverity = 'low';
  let index = Number.POSITIVE_INFINITY;
  for (const signal of SIGNALS) {
    const starts = signal.patterns.map((pattern) => pattern.exec(text)?.index ?? -1).filter((i) => i >= 0);
    if (starts.length === 0) continue;
    labels.push(signal.label);
    if (mcpSeverityRank(signal.severity) > mcpSeverityRank(severity)) severity = signal.severity;
    index = Math.min(index, ...starts);
  }
  if (labels.length === 0) return undefined;
  // A secret file together with any instruction to act on it is the classic poisoning payload.
  if (labels.includes('names a secret file') && labels.length > 1) severity = 'critical';
  return { labels, severity, index };
}

/** Finds text addressed to the model in descriptions, titles and schema text (read with hidden characters decoded). */
export function instructionTextFindings(texts: readonly ItemText[]): McpFinding[] {
  const findings: McpFinding[] = [];
  for (const { item, field, text, prose } of texts) {
    if (!prose) continue;
    const read = readAsModel(text);
    const found = instructionSignals(read);
    if (found === undefined) continue;
    const decoded = read !== text ? ' (read with hidden characters decoded)' : '';
    findings.push(mcpFinding({ rule: 'instruction-text', severity: found.severity, item, field, evidence: quoteAround(read, found.index), message: `${found.labels.join('; ')}${decoded}` }));
  }
  return findings;
}
