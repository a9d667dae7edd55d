import type { McpItem } from './finding.js';
import type { McpListing } from './mcp-listing.js';

/** One piece of text a server advertises, with where it sits. */
export type ItemText = {
  /** The tool, prompt, resource or server it belongs to. */
  readonly item: McpItem;
  /** Where in it, e.g. 'description' or 'inputSchema.properties.path.description'. */
  readonly field: string;
  /** The text itself, exactly as advertised. */
  readonly text: string;
  /** True for prose a model reads as sentences (descriptions, titles, enum values, defaults); false for names and keys. */
  readonly prose: boolean;
};

// Schema keywords whose string values are machine syntax, not text for the model.
const SYNTAX_KEYS = new Set(['type', 'format', 'pattern', '$schema', '$ref', '$id', '$anchor', '$dynamicRef', 'contentEncoding', 'contentMediaType']);
// A hostile schema can be arbitrarily deep or large: the walk stops at these limits.
const MAX_DEPTH = 12;
const MAX_TEXTS_PER_SCHEMA = 5_000;

/** Every string in a JSON Schema (values and property names), with its path, up to the walk's limits. */
export function schemaTexts(schema: unknown, item: McpItem, root: string): ItemText[] {
  const out: ItemText[] = [];
  const walk = (value: unknown, path: string, key: string, depth: number): void => {
    if (out.length >= MAX_TEXTS_PER_SCHEMA || depth > MAX_DEPTH) return;
    if (typeof value === 'string') {
      out.push({ item, field: path, text: value, prose: !SYNTAX_KEYS.has(key) });
    } else if (Array.isArray(value)) {
      value.forEach((element, i) => walk(element, `${path}[${i}]`, key, depth + 1));
    } else if (value !== null && typeof value === 'object') {
      for (const [name, inner] of Object.entries(value)) {
        // Property names are text the model sees too (e.g. a parameter called "ignore_previous_instructions").
        if (key === 'properties' || key === 'patternProperties' || key === '$defs' || key === 'definitions') out.push({ item, field: `${path}.${name}`, text: name, prose: false });
        walk(inner, `${path}.${name}`, name, depth + 1);
      }
    }
  };
  walk(schema, root, '', 0);
  return out;
}

/** Every text the listing advertises: names, titles, descriptions, schema strings, prompt arguments, server instructions. */
export function itemTexts(listing: McpListing, serverName: string): ItemText[] {
  const out: ItemText[] = [];
  const add = (item: McpItem, field: string, text: string | undefined, prose: boolean): void => {
    if (typeof text === 'string' && text !== '') out.push({ item, field, text, prose });
  };
  for (const tool of listing.tools) {
    const item: McpItem = { kind: 'tool', name: tool.name };
    add(item, 'name', tool.name, false);
    add(item, 'title', tool.title, true);
    add(item, 'description', tool.description, true);
    out.push(...schemaTexts(tool.inputSchema, item, 'inputSchema'));
  }
  for (const prompt of listing.prompts) {
    const item: McpItem = { kind: 'prompt', name: prompt.name };
    add(item, 'name', prompt.name, false);
    add(item, 'title', prompt.title, true);
    add(item, 'description', prompt.description, true);
    (prompt.arguments ?? []).forEach((argument, i) => {
      add(item, `arguments[${i}].name`, argument.name, false);
      add(item, `arguments[${i}].description`, argument.description, true);
    });
  }
  for (const resource of listing.resources) {
    const item: McpItem = { kind: 'resource', name: resource.uri };
    add(item, 'uri', resource.uri, false);
    add(item, 'name', resource.name, false);
    add(item, 'title', resource.title, true);
    add(item, 'description', resource.description, true);
  }
  add({ kind: 'server', name: serverName }, 'instructions', listing.instructions, true);
  return out;
}
