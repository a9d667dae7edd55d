// Static audit of what an MCP server advertises: rules over tool, prompt and resource definitions, and pins.
export * from './evidence.js';
export * from './finding.js';
export * from './lock-file.js';
export * from './mcp-listing.js';
export * from './rules.js';
export * from './server-address.js';
export { decodeTagRuns, hiddenUnicodeFindings } from './hidden-unicode-rule.js';
export { instructionSignals, instructionTextFindings } from './instruction-text-rule.js';
export { crossToolFindings, toolReferences } from './cross-tool-rule.js';
export { broadSchemaFindings, nameWords } from './broad-schema-rule.js';
export { itemTexts, schemaTexts, type ItemText } from './item-texts.js';
export { readAsModel } from './read-as-model.js';
