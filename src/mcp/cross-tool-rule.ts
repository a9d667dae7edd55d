// Shadowing: one tool's description changing how the model uses another tool, after Invariant Labs' MCP write-ups (2025).
import { quoteAround } from './evidence.js';
import { mcpFinding, mcpSeverityRank, type McpFinding, type McpSeverity } from './finding.js';
import type { ItemText } from './item-texts.js';
import { readAsModel } from './read-as-model.js';

const NAME = '[`\'"“‘]?([A-Za-z](?:[\\w.-]{0,62}\\w)?)[`\'"”’]?';
const TOOL_WORD = '(\\s+(?:tool|function))?';

/** One phrase shape: how bad it is, what it means, and its pattern (group 1: the tool named; group 2: "tool"). */
type Phrase = { readonly severity: McpSeverity; readonly verb: string; readonly pattern: RegExp };

const PHRASES: readonly Phrase[] = [
  // "When calling send_email, always add …"
  { severity: 'high', verb: 'changes how it uses', pattern: new RegExp(`\\bwhen(?:ever)?\\s+(?:you\\s+)?(?:are\\s+)?(?:call(?:s|ing)?|us(?:e|es|ing)|invok(?:e|es|ing)|run(?:s|ning)?)\\s+(?:the\\s+)?${NAME}${TOOL_WORD}\\b[^.!?\\n]{0,200}?\\b(?:always|never|must|should|instead|make\\s+sure|ensure|do\\s+not|don['’]t|only|all)\\b`, 'gi') },
  // "the send_email tool must …"
  { severity: 'high', verb: 'changes how it uses', pattern: new RegExp(`${NAME}(\\s+(?:tool|function))\\s+(?:must|should|will\\s+now|needs?\\s+to|has\\s+to|is\\s+required\\s+to|may\\s+only)\\b`, 'gi') },
  // "instead of calling send_email, …"
  { severity: 'high', verb: 'replaces', pattern: new RegExp(`\\binstead\\s+of\\s+(?:calling|using|invoking)\\s+(?:the\\s+)?${NAME}${TOOL_WORD}`, 'gi') },
  // "before using this tool, call get_token"
  { severity: 'medium', verb: 'tells the model to call', pattern: new RegExp(`\\b(?:before|after|prior\\s+to)\\s+(?:using|calling|invoking|running)\\s+[^,.!?\\n]{1,60}?,?\\s+(?:you\\s+(?:must|should|need\\s+to)\\s+)?(?:first\\s+|always\\s+)?(?:call|use|run|invoke)\\s+(?:the\\s+)?${NAME}${TOOL_WORD}`, 'gi') },
  // "always call get_token first"
  { severity: 'medium', verb: 'tells the model to call', pattern: new RegExp(`\\b(?:always|first|also)\\s+(?:call|use|run|invoke)\\s+(?:the\\s+)?${NAME}${TOOL_WORD}`, 'gi') },
];

const NOT_NAMES = new Set(['this', 'that', 'the', 'it', 'any', 'a', 'an', 'other', 'another', 'these', 'those', 'tool', 'tools', 'them', 'one', 'each', 'every', 'all', 'function', 'you', 'your']);

/** True when a word reads as a tool's name: on this server, called a tool, quoted, or shaped like an identifier. */
function toolLike(name: string, context: { known: ReadonlySet<string>; calledTool: boolean; quoted: boolean }): boolean {
  if (NOT_NAMES.has(name.toLowerCase())) return false;
  return context.known.has(name) || context.calledTool || context.quoted || /[_.-]|[a-z][A-Z]|\d/.test(name);
}

/** A reference to another tool found in one text. */
type Reference = { readonly name: string; readonly severity: McpSeverity; readonly verb: string; readonly index: number };

/** References in `text` to tools other than `self`; `known` holds the names of every tool on this server. */
export function toolReferences(text: string, options: { self: string; known: ReadonlySet<string> }): Reference[] {
  const found: Reference[] = [];
  for (const phrase of PHRASES) {
    for (const match of text.matchAll(phrase.pattern)) {
      const name = match[1]!;
      const quoted = /[`'"“‘]/.test(match[0].charAt(match[0].indexOf(name) - 1));
      if (name === options.self || !toolLike(name, { known: options.known, calledTool: match[2] !== undefined, quoted })) continue;
      found.push({ name, severity: phrase.severity, verb: phrase.verb, index: match.index });
    }
  }
  // A plain mention of another tool on this server: ordinary in a workflow, worth a look in an audit.
  for (const other of options.known) {
    if (other === options.self || !toolLike(other, { known: new Set(), calledTool: false, quoted: false })) continue;
    const at = new RegExp(`(?<![\\w.-])${other.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`).exec(text);
    if (at !== null && !found.some((r) => r.name === other)) found.push({ name: other, severity: 'low', verb: 'mentions', index: at.index });
  }
  return found;
}

/** Finds descriptions that tell the model to call another tool, or change how another tool is used (shadowing). */
export function crossToolFindings(texts: readonly ItemText[], toolNames: readonly string[]): McpFinding[] {
  const known = new Set(toolNames);
  const findings: McpFinding[] = [];
  for (const { item, field, text, prose } of texts) {
    if (!prose || item.kind === 'server') continue;
    const read = readAsModel(text);
    const references = toolReferences(read, { self: item.kind === 'tool' ? item.name : '', known });
    if (references.length === 0) continue;
    const worst = references.reduce((a, b) => (mcpSeverityRank(b.severity) > mcpSeverityRank(a.severity) ? b : a));
    const message = [...new Set(references.map((r) => `${r.verb} ${r.name}${known.has(r.name) ? '' : ' (not on this server)'}`))].join('; ');
    findings.push(mcpFinding({ rule: 'cross-tool-reference', severity: worst.severity, item, field, evidence: quoteAround(read, worst.index), message }));
  }
  return findings;
}
