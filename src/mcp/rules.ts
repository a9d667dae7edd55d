import { broadSchemaFindings } from './broad-schema-rule.js';
import { crossToolFindings } from './cross-tool-rule.js';
import { mcpSeverityRank, type McpFinding } from './finding.js';
import { hiddenUnicodeFindings } from './hidden-unicode-rule.js';
import { instructionTextFindings } from './instruction-text-rule.js';
import { itemTexts } from './item-texts.js';
import type { McpListing } from './mcp-listing.js';

/** What every scan states about itself, in its output and docs. */
export const MCP_SCAN_NOTE = 'A static check of what the server advertised at scan time: it cannot see what a tool does when called, and a server can change later or answer other clients differently.';

const KIND_ORDER = { server: 0, tool: 1, prompt: 2, resource: 3 } as const;

/** Findings most severe first, then by item, rule and field. */
export function sortFindings(findings: readonly McpFinding[]): McpFinding[] {
  return [...findings].sort((a, b) =>
    mcpSeverityRank(b.severity) - mcpSeverityRank(a.severity)
    || KIND_ORDER[a.item.kind] - KIND_ORDER[b.item.kind]
    || a.item.name.localeCompare(b.item.name)
    || a.rule.localeCompare(b.rule)
    || a.field.localeCompare(b.field));
}

/**
 * The static rules over what a server advertised: instruction-text, hidden-unicode, cross-tool-reference and
 * broad-schema. Pure: the same listing always gives the same findings.
 */
export function auditListing(listing: McpListing, options: { serverName: string }): McpFinding[] {
  const texts = itemTexts(listing, options.serverName);
  return sortFindings([
    ...instructionTextFindings(texts),
    ...hiddenUnicodeFindings(texts),
    ...crossToolFindings(texts, listing.tools.map((t) => t.name)),
    ...broadSchemaFindings(listing.tools),
  ]);
}
