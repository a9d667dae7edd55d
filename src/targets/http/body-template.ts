import type { Message } from '../../core/message.js';
import type { TargetRequest } from '../../core/target.js';

/** A JSON value, as a body template or a rendered body. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The body sent when the options give none. */
export const defaultBodyTemplate: JsonValue = { prompt: '{{prompt}}' };

/** What fills a body template for one request. */
export type BodyFill = {
  /** The request being sent. */
  readonly request: TargetRequest;
  /** What "{{messages}}" sends: the whole conversation unless the app keeps the history itself. */
  readonly messages?: readonly Message[];
  /** The app's session id; null (or absent) before the app has issued one. */
  readonly session?: string | null;
};

const placeholder = /\{\{(prompt|document|system|session)\}\}/g;

/** A placeholder a body template can hold. */
export type TemplatePlaceholder = 'prompt' | 'messages' | 'document' | 'system' | 'session';

/** The placeholders a template uses anywhere in its structure (what the app will actually receive). */
export function templatePlaceholders(template: JsonValue): Set<TemplatePlaceholder> {
  const found = new Set<TemplatePlaceholder>();
  const visit = (node: JsonValue): void => {
    if (typeof node === 'string') {
      if (node === '{{messages}}') found.add('messages');
      for (const match of node.matchAll(placeholder)) found.add(match[1] as TemplatePlaceholder);
    } else if (Array.isArray(node)) node.forEach(visit);
    else if (node !== null && typeof node === 'object') Object.values(node).forEach(visit);
  };
  visit(template);
  return found;
}

/**
 * Fills a parsed JSON template from a request. Works on the structure, never on text, so a prompt full of
 * quotes, braces or `{{messages}}` stays one string value and cannot change the body's shape.
 * A value that is exactly "{{session}}" becomes null before the app has issued a session id.
 */
export function renderBodyTemplate(template: JsonValue, fill: BodyFill): JsonValue {
  const { request } = fill;
  const session = fill.session ?? null;
  const messages = (fill.messages ?? request.messages).map(({ role, content }) => ({ role, content }));
  const values = {
    prompt: [...request.messages].reverse().find((message) => message.role === 'user')?.content ?? '',
    document: (request.documents ?? []).join('\n\n'),
    system: request.messages
      .filter((message) => message.role === 'system')
      .map((message) => message.content)
      .join('\n\n'),
    session: session ?? '',
  };
  const render = (node: JsonValue): JsonValue => {
    if (typeof node === 'string') {
      if (node === '{{messages}}') return messages;
      if (node === '{{session}}') return session;
      // One pass with a callback: substituted text is never scanned again for placeholders.
      return node.replace(placeholder, (_match, name: keyof typeof values) => values[name]);
    }
    if (Array.isArray(node)) return node.map(render);
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, render(child)]));
    }
    return node;
  };
  return render(template);
}
