import type { TaxonomyTags } from '../core/taxonomy.js';
import { escapeHidden } from './evidence.js';

/** How bad an MCP scan finding is, least severe first (a static audit's scale, not the bug bar of attack outcomes). */
export const MCP_SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/** A finding's severity. */
export type McpSeverity = (typeof MCP_SEVERITIES)[number];

/** Position on the scale: low 0 … critical 3. */
export function mcpSeverityRank(severity: McpSeverity): number {
  return MCP_SEVERITIES.indexOf(severity);
}

/** True when the text names a severity. */
export function isMcpSeverity(text: string): text is McpSeverity {
  return (MCP_SEVERITIES as readonly string[]).includes(text);
}

const INJECTION: TaxonomyTags = { owasp: ['LLM01:2025'], atlas: ['AML.T0051.001'] };
const SUPPLY_CHAIN: TaxonomyTags = { owasp: ['LLM03:2025'], atlas: ['AML.T0010'] };

/** Every rule an MCP scan applies: id, what it looks for, and its taxonomy tags. The only place rule ids are written. */
export const MCP_RULES = [
  { id: 'instruction-text', summary: 'Text addressed to the model: instructions to the assistant, hiding things from the user, reading secret files, passing data out through a parameter.', taxonomy: INJECTION },
  { id: 'hidden-unicode', summary: 'Invisible characters in names, descriptions or schemas: Unicode tags (decoded), zero-width and bidirectional controls, other format characters.', taxonomy: INJECTION },
  { id: 'cross-tool-reference', summary: 'A description that tells the model to call another tool, or changes how another tool must be used (shadowing).', taxonomy: INJECTION },
  { id: 'broad-schema', summary: 'Over-broad input schemas: free-form commands, code, paths or URLs, any-argument objects, parameters asking for secrets or the conversation, unexplained required parameters.', taxonomy: { owasp: ['LLM06:2025'], atlas: [] } },
  { id: 'definition-changed', summary: 'A pinned definition (tool, prompt, resource, server instructions) differs from the lock file: a possible rug pull.', taxonomy: SUPPLY_CHAIN },
  { id: 'tool-added', summary: 'A tool the lock file does not pin.', taxonomy: SUPPLY_CHAIN },
  { id: 'tool-removed', summary: 'A pinned tool the server no longer lists.', taxonomy: SUPPLY_CHAIN },
  { id: 'prompt-added', summary: 'A prompt the lock file does not pin.', taxonomy: SUPPLY_CHAIN },
  { id: 'prompt-removed', summary: 'A pinned prompt the server no longer lists.', taxonomy: SUPPLY_CHAIN },
  { id: 'resource-added', summary: 'A resource the lock file does not pin.', taxonomy: SUPPLY_CHAIN },
  { id: 'resource-removed', summary: 'A pinned resource the server no longer lists.', taxonomy: SUPPLY_CHAIN },
] as const satisfies readonly { id: string; summary: string; taxonomy: TaxonomyTags }[];

/** Id of an MCP scan rule. */
export type McpRuleId = (typeof MCP_RULES)[number]['id'];

/** The taxonomy tags of a rule. */
export function ruleTaxonomy(rule: McpRuleId): TaxonomyTags {
  return MCP_RULES.find((r) => r.id === rule)!.taxonomy;
}

/** What a server advertises that a finding is about. */
export type McpItemKind = 'tool' | 'prompt' | 'resource' | 'server';

/** The advertised thing a finding is about: a tool, a prompt, a resource, or the server itself (its instructions). */
export type McpItem = {
  /** Which kind of thing. */
  readonly kind: McpItemKind;
  /** Its name (a resource's URI; the server's name for the server), hidden characters shown escaped. */
  readonly name: string;
};

/** One problem an MCP scan found. */
export type McpFinding = {
  /** The rule that found it. */
  readonly rule: McpRuleId;
  /** How bad it is. */
  readonly severity: McpSeverity;
  /** The tool, prompt, resource or server it is about. */
  readonly item: McpItem;
  /** Where in it, e.g. 'description', 'inputSchema.properties.path.description', 'inputSchema'. */
  readonly field: string;
  /** A short quote of what was found: one line, clipped, invisible characters shown as \u{…}. */
  readonly evidence: string;
  /** What the rule saw, in a few words. */
  readonly message: string;
  /** OWASP LLM Top 10 (2025) and MITRE ATLAS ids. */
  readonly taxonomy: TaxonomyTags;
};

/** A finding with its rule's taxonomy tags, the item's name and the field shown with hidden characters escaped. */
export function mcpFinding(fields: Omit<McpFinding, 'taxonomy'>): McpFinding {
  const item = { kind: fields.item.kind, name: escapeHidden(fields.item.name) };
  return { ...fields, item, field: escapeHidden(fields.field), taxonomy: ruleTaxonomy(fields.rule) };
}
