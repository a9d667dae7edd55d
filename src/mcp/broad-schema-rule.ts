import { clipEvidence, escapeHidden } from './evidence.js';
import { mcpFinding, mcpSeverityRank, type McpFinding, type McpSeverity } from './finding.js';
import type { McpTool } from './mcp-listing.js';

type Schema = Readonly<Record<string, unknown>>;
/** One thing wrong with a parameter. */
type Issue = { readonly severity: McpSeverity; readonly message: string };

// A parameter is judged by its last word ('file_path' is a path, 'file_id' is not) or by its whole name.
const COMMAND_WORDS = new Set(['command', 'commands', 'cmd', 'shell', 'script', 'exec', 'eval', 'bash', 'powershell', 'sql']);
const CODE_NAMES = new Set(['code', 'sourcecode', 'codesnippet', 'pythoncode', 'jscode', 'javascript', 'python', 'program', 'snippet']);
const PATH_WORDS = new Set(['path', 'paths', 'file', 'files', 'filename', 'filepath', 'dir', 'directory', 'folder', 'url', 'uri', 'urls', 'endpoint', 'href', 'link']);
const SECRET_WORDS = new Set(['password', 'passwd', 'passphrase', 'secret', 'secrets', 'apikey', 'credential', 'credentials', 'privatekey', 'cookie', 'cookies', 'accesstoken', 'authtoken', 'bearertoken', 'sessiontoken']);
const PAGING_WORDS = new Set(['page', 'next', 'cursor', 'continuation', 'max', 'count', 'limit']);
const CONVERSATION_WORDS = new Set(['conversation', 'transcript', 'history', 'messages', 'chathistory', 'conversationhistory', 'systemprompt']);
const QUERY_LANGUAGE = /\b(?:sql|shell|command|database|bash|cypher|execute|executes|statement)\b/i;
const ASKS_SECRET = /\b(?:api[\s_-]?key|password|passphrase|credentials?|private\s+key|access\s+token|auth(?:entication)?\s+token|bearer\s+token|ssh\s+key|session\s+cookie)\b/i;
const ASKS_CONVERSATION = /\b(?:full|entire|whole|complete|previous|prior|all)\s+(?:conversation|chat|messages|context|transcript)\b|\b(?:conversation|chat|message)\s+history\b|\bsystem\s+prompt\b/i;
const MAX_DEPTH = 4;

/** A parameter name's words, lower-case: `filePath` → file, path; `api_key` → api, key. */
export function nameWords(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/).filter((w) => w !== '');
}

const isObject = (value: unknown): value is Schema => value !== null && typeof value === 'object' && !Array.isArray(value);

/** True for a string parameter with nothing limiting its value (no enum, const or pattern). */
function freeString(schema: Schema): boolean {
  const type = schema['type'];
  const stringy = type === 'string' || (Array.isArray(type) && type.includes('string')) || (type === undefined && schema['anyOf'] === undefined && schema['oneOf'] === undefined && schema['$ref'] === undefined);
  return stringy && schema['enum'] === undefined && schema['const'] === undefined && schema['pattern'] === undefined;
}

/** What is over-broad about one parameter. */
function parameterIssues(name: string, schema: Schema, context: { required: boolean; toolText: string }): Issue[] {
  const words = nameWords(name);
  const last = words.at(-1) ?? '';
  const whole = words.join('');
  const named = (set: ReadonlySet<string>): boolean => set.has(last) || set.has(whole);
  const description = typeof schema['description'] === 'string' ? schema['description'] : '';
  const issues: Issue[] = [];
  if (freeString(schema)) {
    if (words.some((w) => COMMAND_WORDS.has(w)) || CODE_NAMES.has(whole)) issues.push({ severity: 'medium', message: 'free-form command or code string (no enum or pattern)' });
    else if (last === 'query' && QUERY_LANGUAGE.test(`${description} ${context.toolText}`)) issues.push({ severity: 'medium', message: 'free-form query in a command or database language (no enum or pattern)' });
    else if (named(PATH_WORDS)) issues.push({ severity: 'low', message: 'free-form path or URL (no enum or pattern)' });
  }
  const tokenAsked = last === 'token' && !words.some((w) => PAGING_WORDS.has(w));
  const keyAsked = last === 'key' && words.some((w) => w === 'api' || w === 'private' || w === 'access' || w === 'secret');
  if (named(SECRET_WORDS) || tokenAsked || keyAsked || ASKS_SECRET.test(description)) issues.push({ severity: 'medium', message: 'asks for a credential or secret' });
  if (named(CONVERSATION_WORDS) || ASKS_CONVERSATION.test(description)) issues.push({ severity: 'medium', message: 'asks for the conversation or the system prompt' });
  // A required free-text parameter nobody explains is where poisoned descriptions ask for smuggled data ("sidenote").
  if (context.required && freeString(schema) && description.trim() === '' && !new RegExp(`\\b${name.replace(/[^\w]/g, '.')}\\b`, 'i').test(context.toolText)) {
    issues.push({ severity: 'low', message: 'required free-text parameter with no description, not explained by the tool\'s description' });
  }
  return issues;
}

/** Each parameter of an object schema, nested objects and array items included, with its path. */
function* parameters(schema: Schema, path: string, depth: number): Generator<{ name: string; schema: Schema; path: string; required: boolean }> {
  if (depth > MAX_DEPTH || !isObject(schema['properties'])) return;
  const required = new Set(Array.isArray(schema['required']) ? schema['required'].filter((r): r is string => typeof r === 'string') : []);
  for (const [name, inner] of Object.entries(schema['properties'])) {
    if (!isObject(inner)) continue;
    const at = `${path}.properties.${name}`;
    yield { name, schema: inner, path: at, required: required.has(name) };
    yield* parameters(inner, at, depth + 1);
    if (isObject(inner['items'])) yield* parameters(inner['items'], `${at}.items`, depth + 1);
  }
}

/** True for an object schema that takes any arguments: no properties, and additionalProperties true or `{}`. */
function acceptsAnything(schema: Schema): boolean {
  const properties = schema['properties'];
  const none = !isObject(properties) || Object.keys(properties).length === 0;
  const extra = schema['additionalProperties'];
  return none && (extra === true || (isObject(extra) && Object.keys(extra).length === 0));
}

/** Finds over-broad input schemas: free commands, code, paths and URLs, any-argument objects, parameters asking for secrets or the conversation. */
export function broadSchemaFindings(tools: readonly McpTool[]): McpFinding[] {
  const findings: McpFinding[] = [];
  for (const tool of tools) {
    const item = { kind: 'tool', name: tool.name } as const;
    const schema = tool.inputSchema;
    if (acceptsAnything(schema)) {
      findings.push(mcpFinding({ rule: 'broad-schema', severity: 'medium', item, field: 'inputSchema', evidence: clipEvidence(escapeHidden(JSON.stringify(schema))), message: 'accepts any arguments (no properties, additionalProperties allowed)' }));
    }
    const toolText = `${tool.title ?? ''} ${tool.description ?? ''}`;
    for (const parameter of parameters(schema, 'inputSchema', 0)) {
      const issues = parameterIssues(parameter.name, parameter.schema, { required: parameter.required, toolText });
      if (issues.length === 0) continue;
      const severity = issues.map((i) => i.severity).reduce((a, b) => (mcpSeverityRank(b) > mcpSeverityRank(a) ? b : a));
      const evidence = clipEvidence(escapeHidden(`"${parameter.name}": ${JSON.stringify(parameter.schema)}`));
      findings.push(mcpFinding({ rule: 'broad-schema', severity, item, field: parameter.path, evidence, message: issues.map((i) => i.message).join('; ') }));
    }
  }
  return findings;
}
