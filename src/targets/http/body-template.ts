import type { TargetRequest } from '../../core/target.js';

/** A JSON value, as a body template or a rendered body. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** The body sent when the options give none. */
export const defaultBodyTemplate: JsonValue = { prompt: '{{prompt}}' };

const placeholder = /\{\{(prompt|document|system)\}\}/g;

/**
 * Fills a parsed JSON template from a request. Works on the structure, never on text, so a prompt full of
 * quotes, braces or `{{messages}}` stays one string value and cannot change the body's shape.
 */
export function renderBodyTemplate(template: JsonValue, request: TargetRequest): JsonValue {
  const messages = request.messages.map(({ role, content }) => ({ role, content }));
  const values = {
    prompt: [...request.messages].reverse().find((message) => message.role === 'user')?.content ?? '',
    document: (request.documents ?? []).join('\n\n'),
    system: request.messages
      .filter((message) => message.role === 'system')
      .map((message) => message.content)
      .join('\n\n'),
  };
  const render = (node: JsonValue): JsonValue => {
    if (typeof node === 'string') {
      if (node === '{{messages}}') return messages;
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
